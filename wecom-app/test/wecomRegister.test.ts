import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeFetch, json } from './fakeFetch'

const order: string[] = []
vi.mock('@wecom/jssdk', () => ({
  register: vi.fn(() => order.push('register')),
  getCurExternalContact: vi.fn(async () => ({ userId: 'wmExternal1' })),
}))

const config = {
  corpId: 'wwcorp',
  agentId: 1000002,
  corpSignature: { timestamp: 1, nonceStr: 'a', signature: 'corp' },
  agentSignature: { timestamp: 2, nonceStr: 'b', signature: 'agent' },
}

/** jsdom fetches no scripts: an appended script "loads" at once, and the order of events is recorded. */
function loadScriptsAtOnce() {
  vi.spyOn(document.head, 'append').mockImplementation((...nodes) => {
    for (const node of nodes) {
      const script = node as HTMLScriptElement
      order.push(`script ${new URL(script.src).pathname}`)
      queueMicrotask(() => script.onload?.(new Event('load')))
    }
  })
}

afterEach(() => {
  order.length = 0
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  vi.resetModules()
})

describe('registerWeCom', () => {
  it('asks for the signatures of this page without its hash, loads the sandbox bridge first, then registers once', async () => {
    const fake = fakeFetch({ 'GET /api/staff/app/config': [json({ ...config, bridgeScript: '/sandbox/wecom/bridge.js' })] })
    vi.stubGlobal('fetch', fake.fetch)
    loadScriptsAtOnce()
    history.replaceState(null, '', '/wecom-app/?from=toolbar#/contact')
    const ww = await import('@wecom/jssdk')
    const { currentExternalContact, registerWeCom } = await import('../src/wecom/register')

    expect(await currentExternalContact()).toBe('wmExternal1')
    await registerWeCom()

    expect(fake.calls).toHaveLength(1)
    expect(new URL(fake.calls[0].url, 'http://x').searchParams.get('url')).toBe(`${location.origin}/wecom-app/?from=toolbar`)
    expect(order).toEqual(['script /sandbox/wecom/bridge.js', 'register'])
    const options = vi.mocked(ww.register).mock.calls[0][0]
    expect(options).toMatchObject({ corpId: 'wwcorp', agentId: 1000002, jsApiList: ['getCurExternalContact', 'selectExternalContact', 'scanQRCode'] })
    expect(await options.getConfigSignature?.('')).toEqual(config.corpSignature)
    expect(await options.getAgentConfigSignature?.('')).toEqual(config.agentSignature)
  })

  it('registers without a bridge outside the sandbox, and tries again after a failed attempt', async () => {
    const fake = fakeFetch({ 'GET /api/staff/app/config': [new TypeError('offline'), json({ ...config, bridgeScript: null })] })
    vi.stubGlobal('fetch', fake.fetch)
    loadScriptsAtOnce()
    const { registerWeCom } = await import('../src/wecom/register')

    await expect(registerWeCom()).rejects.toThrow('网络连接失败')
    await registerWeCom()

    expect(order).toEqual(['register'])
  })
})
