import { describe, expect, it } from 'vitest'
import type { ConversationRow } from '../src/api/types'
import { formatDuration, orderConversations, previewOf, waitingLabel } from '../src/composables/conversationList'

const now = Date.parse('2026-12-05T12:00:00Z')
const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString()

function row(id: string, unanswered: boolean, waitingMinutes: number | null, lastMinutes: number): ConversationRow {
  return {
    id,
    customer: { consumerId: `p${id}`, name: `客户${id}` },
    lastMessage: { at: ago(lastMinutes), direction: unanswered ? 'in' : 'out', kind: 'text', text: `消息${id}` },
    unanswered,
    waitingSince: waitingMinutes === null ? null : ago(waitingMinutes),
    windowClosesAt: null,
    caseId: null,
    status: 'open',
  }
}

describe('orderConversations', () => {
  it('puts unanswered conversations first, the longest waiting on top, then the rest by last message, newest first', () => {
    const rows = [
      row('answered-old', false, null, 300),
      row('waiting-5m', true, 5, 5),
      row('answered-new', false, null, 2),
      row('waiting-2h', true, 120, 1),
    ]

    expect(orderConversations(rows).map((r) => r.id)).toEqual(['waiting-2h', 'waiting-5m', 'answered-new', 'answered-old'])
  })

  it('keeps the rows it was given untouched and puts an unanswered row without a waiting time last among the unanswered', () => {
    const rows = [row('no-time', true, null, 1), row('waiting', true, 10, 10), row('answered', false, null, 0)]

    expect(orderConversations(rows).map((r) => r.id)).toEqual(['waiting', 'no-time', 'answered'])
    expect(rows.map((r) => r.id)).toEqual(['no-time', 'waiting', 'answered'])
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '不到 1 分钟'],
    [0.9, '不到 1 分钟'],
    [1, '1 分钟'],
    [59, '59 分钟'],
    [60, '1 小时'],
    [125, '2 小时 5 分钟'],
    [24 * 60, '1 天'],
    [27 * 60 + 30, '1 天 3 小时'],
    [49 * 60, '2 天 1 小时'],
  ])('%s minutes read "%s"', (minutes, text) => {
    expect(formatDuration(ago(minutes), now)).toBe(text)
  })

  it('reads a time slightly in the future (a clock a little ahead) as just now rather than a negative time', () => {
    expect(formatDuration(ago(-2), now)).toBe('不到 1 分钟')
  })
})

describe('waitingLabel', () => {
  it('says how long an unanswered customer has waited and nothing for an answered one', () => {
    expect(waitingLabel(row('1', true, 125, 125), now)).toBe('已等待 2 小时 5 分钟')
    expect(waitingLabel(row('2', false, null, 5), now)).toBeNull()
  })
})

describe('previewOf', () => {
  it('quotes a text, names an image, voice or invitation, and marks what the dealer sent', () => {
    const base = row('1', true, 1, 1)
    const last = (direction: 'in' | 'out', kind: string, text: string | null) => ({ ...base, lastMessage: { at: ago(1), direction, kind, text } })

    expect(previewOf(last('in', 'text', '车子异响'))).toBe('车子异响')
    expect(previewOf(last('in', 'image', null))).toBe('[图片]')
    expect(previewOf(last('in', 'voice', null))).toBe('[语音]')
    expect(previewOf(last('out', 'template', null))).toBe('我方：[模板消息]')
    expect(previewOf(last('out', 'page', '预约试驾'))).toBe('我方：[小程序] 预约试驾')
    expect(previewOf(last('out', 'text', '您好，请问哪里异响？'))).toBe('我方：您好，请问哪里异响？')
    expect(previewOf({ ...base, lastMessage: null })).toBe('暂无消息')
  })
})
