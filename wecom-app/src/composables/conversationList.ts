import type { ConversationRow } from '../api/types'
import { t } from '../i18n'

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

/**
 * Unanswered conversations first, the one waiting longest on top; then the rest by their last message, newest first.
 * The server answers in this order already; the app keeps it when it changes rows itself (after a reply) and for rows
 * the server could not order (an unanswered row without a waiting time goes last among the unanswered).
 */
export function orderConversations(rows: readonly ConversationRow[]): ConversationRow[] {
  return [...rows].sort((a, b) => {
    if (a.unanswered !== b.unanswered) {
      return a.unanswered ? -1 : 1
    }
    if (a.unanswered) {
      return timeOf(a.waitingSince, Infinity) - timeOf(b.waitingSince, Infinity)
    }
    return timeOf(b.lastMessage?.at, -Infinity) - timeOf(a.lastMessage?.at, -Infinity)
  })
}

function timeOf(iso: string | null | undefined, missing: number): number {
  const time = iso ? Date.parse(iso) : NaN
  return Number.isNaN(time) ? missing : time
}

/** How long from `since` to `now` in the two largest units a person needs: "5 分钟", "2 小时 10 分钟", "1 天 3 小时". */
export function formatDuration(since: string, now: number): string {
  const elapsed = Math.max(0, now - Date.parse(since))
  if (elapsed < minute) {
    return t('duration.justNow')
  }
  if (elapsed < hour) {
    return t('duration.minutes', { m: Math.floor(elapsed / minute) })
  }
  if (elapsed < day) {
    const h = Math.floor(elapsed / hour)
    const m = Math.floor((elapsed % hour) / minute)
    return m === 0 ? t('duration.hours', { h }) : t('duration.hoursMinutes', { h, m })
  }
  const d = Math.floor(elapsed / day)
  const h = Math.floor((elapsed % day) / hour)
  return h === 0 ? t('duration.days', { d }) : t('duration.daysHours', { d, h })
}

/** "已等待 2 小时 10 分钟" for an unanswered conversation; null when nobody is waiting. */
export function waitingLabel(row: Pick<ConversationRow, 'unanswered' | 'waitingSince'>, now: number): string | null {
  return row.unanswered && row.waitingSince ? t('conversations.waiting', { time: formatDuration(row.waitingSince, now) }) : null
}

/** The last message as one line: its text, or what kind of message it was; what the dealer sent says so. */
export function previewOf(row: ConversationRow): string {
  const message = row.lastMessage
  if (!message) {
    return t('conversations.noMessage')
  }
  const body = summaryOf(message)
  return message.direction === 'out' ? t('conversations.preview.staff', { text: body }) : body
}

const mediaKinds = new Set(['image', 'voice', 'template'])

/** A message as text: its words, "[图片]" / "[语音]" / "[模板消息]" for what has none to quote, a card as "[小程序] title". */
export function summaryOf(message: { kind: string; text: string | null }): string {
  if (message.kind === 'page') {
    return t('conversations.preview.page', { text: message.text ?? '' })
  }
  return mediaKinds.has(message.kind) ? t(`conversations.preview.${message.kind}`) : (message.text ?? '')
}
