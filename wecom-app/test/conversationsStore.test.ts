import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConversationRow } from '../src/api/types'
import { useConversations } from '../src/stores/conversations'
import { fakeFetch, json, problem } from './fakeFetch'

function row(id: string, unanswered: boolean, status: 'open' | 'closed' = 'open'): ConversationRow {
  return {
    id, customer: { consumerId: `p${id}`, name: null },
    lastMessage: { at: `2026-12-05T0${id}:00:00Z`, direction: 'in', kind: 'text', text: '你好' },
    unanswered, waitingSince: unanswered ? `2026-12-05T0${id}:00:00Z` : null, windowClosesAt: null, caseId: null, status,
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('useConversations', () => {
  it('loads the chosen view in order and counts the customers waiting for an answer for the tab badge', async () => {
    const fake = fakeFetch({ 'GET /api/staff/conversations': [json([row('1', false), row('3', true), row('2', true), row('4', true, 'closed')])] })
    vi.stubGlobal('fetch', fake.fetch)
    const conversations = useConversations()

    await conversations.load('all')

    expect(fake.calls[0].url).toBe('/api/staff/conversations?view=all')
    expect(conversations.rows.value.map((r) => r.id)).toEqual(['2', '3', '4', '1'])
    expect(conversations.unansweredCount.value).toBe(2)
    expect(conversations.state.view).toBe('all')
  })

  it('keeps the rows it had and says why when the list cannot be loaded', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/staff/conversations': [problem(503)] }).fetch)
    const conversations = useConversations()
    const before = conversations.rows.value.length

    await conversations.load('open')

    expect(conversations.state.error).toBe('网络连接失败，请检查网络后重试')
    expect(conversations.rows.value).toHaveLength(before)
  })
})
