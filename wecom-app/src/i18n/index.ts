import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'

export type Messages = typeof zhCN

export const i18n = createI18n<[Messages], 'zh-CN', false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN },
})

/** Translation outside components (the API client, stores). */
export const t = i18n.global.t
