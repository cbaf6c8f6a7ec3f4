import * as ww from '@wecom/jssdk'
import { staffApi } from '../api/staff'

/** The JS-SDK calls the app uses; the agent config grants them. */
export const jsApiList = ['getCurExternalContact', 'selectExternalContact', 'scanQRCode']

let registered: Promise<void> | null = null

/**
 * Registers the JS-SDK once per page load with the signatures WeLink makes for this page's URL (without the hash, as
 * WeCom signs it). When the in-process sandbox runs, its stand-in for the WeCom client is loaded first so it answers.
 */
export function registerWeCom(): Promise<void> {
  registered ??= (async () => {
    const config = await staffApi.appConfig(location.href.split('#')[0])
    if (config.bridgeScript) {
      await loadScript(config.bridgeScript)
    }
    ww.register({
      corpId: config.corpId,
      agentId: config.agentId,
      jsApiList,
      getConfigSignature: () => config.corpSignature,
      getAgentConfigSignature: () => config.agentSignature,
    })
  })().catch((error: unknown) => {
    registered = null
    throw error
  })
  return registered
}

/** The external contact of the chat the app was opened from (the chat toolbar). */
export async function currentExternalContact(): Promise<string> {
  await registerWeCom()
  const result = await ww.getCurExternalContact()
  return result.userId
}

/** Opens WeCom's scanner for a QR code and answers the text it read (a member card's code). */
export async function scanQrCode(): Promise<string> {
  await registerWeCom()
  const result = await ww.scanQRCode({ needResult: true, scanType: [ww.ScanQRCodeType.qrCode] })
  return result.resultStr ?? ''
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.onload = () => resolve()
    script.onerror = () => reject(new Error(`could not load ${src}`))
    document.head.append(script)
  })
}
