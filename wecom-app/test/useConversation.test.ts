import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConversationDetail, ConversationMessage } from '../src/api/types'
import { complaintDraft, useConversation, validateComplaint } from '../src/composables/useConversation'
import { fakeFetch, json, problem } from './fakeFetch'

const url = '/api/staff/conversations/v1'
const windowClosed = '客户已超过 48 小时未发消息，微信不允许再主动回复；可以发送模板消息邀请客户回来'

function message(id: string, direction: 'in' | 'out', kind: string, text: string | null): ConversationMessage {
  return {
    id, at: '2026-12-05T10:00:00Z', direction, kind, text, mediaUrl: kind === 'image' ? `${url}/media/${id}` : null,
    staff: direction === 'out' ? { id: 's1', name: '李顾问' } : null, delivery: direction === 'out' ? 'sent' : null,
  }
}

function conversation(extra: Partial<ConversationDetail> = {}): ConversationDetail {
  return {
    id: 'v1', status: 'open', customer: { consumerId: 'p1', name: '王先生' }, windowOpen: true,
    windowClosesAt: '2026-12-07T10:00:00Z', caseId: null,
    messages: [message('m1', 'in', 'text', '保养后发动机异响'), message('m2', 'in', 'image', null)],
    ...extra,
  }
}

function serve(answers: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(answers)
  vi.stubGlobal('fetch', fake.fetch)
  return fake
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('useConversation: replying', () => {
  it('sends the reply with an Idempotency-Key and reloads the messages with it', async () => {
    const replied = conversation({ messages: [...conversation().messages, message('m3', 'out', 'text', '您好，马上为您安排检查')] })
    const { calls } = serve({
      [`GET ${url}`]: [json(conversation()), json(replied)],
      [`POST ${url}/replies`]: [json({ messageId: 'm3', delivery: 'sent' }, 201)],
    })
    const notify = vi.fn()
    const convo = useConversation('v1', notify)
    await convo.load()

    const outcome = await convo.reply('您好，马上为您安排检查')

    expect(outcome).toEqual({ kind: 'sent' })
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.body).toEqual({ text: '您好，马上为您安排检查' })
    expect(post.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(convo.detail.value?.messages.at(-1)?.staff?.name).toBe('李顾问')
    expect(notify).toHaveBeenCalledWith('已回复', 'success')
  })

  it('on WindowClosed keeps the server\'s reason for the reply box, stops replies and stores nothing', async () => {
    serve({
      [`GET ${url}`]: [json(conversation())],
      [`POST ${url}/replies`]: [problem(409, { reason: 'WindowClosed', detail: windowClosed, windowClosedAt: '2026-12-07T10:00:00Z' })],
    })
    const notify = vi.fn()
    const convo = useConversation('v1', notify)
    await convo.load()
    expect(convo.canReply.value).toBe(true)

    const outcome = await convo.reply('还在吗？')

    expect(outcome).toEqual({ kind: 'windowClosed' })
    expect(convo.windowClosedReason.value).toBe(windowClosed)
    expect(convo.canReply.value).toBe(false)
    expect(convo.detail.value?.messages).toHaveLength(2)
    // The reason sits beside the box; it is not a moved-case conflict toast.
    expect(notify).not.toHaveBeenCalled()
  })

  it('says the window is closed before any attempt when the conversation arrives with it closed, and again opens it when the consumer writes', async () => {
    serve({ [`GET ${url}`]: [json(conversation({ windowOpen: false })), json(conversation({ windowOpen: true }))] })
    const convo = useConversation('v1', vi.fn())

    await convo.load()
    expect(convo.windowClosedReason.value).toBe(windowClosed)
    expect(convo.canReply.value).toBe(false)

    await convo.load()
    expect(convo.windowClosedReason.value).toBeNull()
    expect(convo.canReply.value).toBe(true)
  })

  it('ignores a second tap while the reply is in flight, and pressing again after no answer reuses the key', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const { calls } = serve({
      [`GET ${url}`]: [json(conversation())],
      [`POST ${url}/replies`]: [new TypeError('offline'), new TypeError('offline'), new TypeError('offline'), json({ messageId: 'm3', delivery: 'sent' }, 201)],
    })
    const convo = useConversation('v1', vi.fn())
    await convo.load()
    const fetchMock = vi.mocked(fetch)
    const original = fetchMock.getMockImplementation()!
    fetchMock.mockImplementationOnce(async (...args) => { await held; return original(...args) })

    const first = convo.reply('好的')
    expect(await convo.reply('好的')).toEqual({ kind: 'busy' })
    expect(convo.busy.value).toBe(true)
    release()
    expect((await first).kind).toBe('refused')

    expect(await convo.reply('好的')).toEqual({ kind: 'sent' })
    const keys = calls.filter((call) => call.method === 'POST').map((call) => call.headers['Idempotency-Key'])
    expect(keys).toHaveLength(4)
    expect(new Set(keys).size).toBe(1)
  })

  it('shows a refused reply (too long) as the server words it and keeps the box usable', async () => {
    serve({
      [`GET ${url}`]: [json(conversation())],
      [`POST ${url}/replies`]: [problem(422, { detail: '回复内容有误', errors: { text: ['回复不能超过 600 个字'] } })],
    })
    const notify = vi.fn()
    const convo = useConversation('v1', notify)
    await convo.load()

    const outcome = await convo.reply('x'.repeat(601))

    expect(outcome.kind === 'refused' && outcome.error.fieldErrors).toEqual({ text: ['回复不能超过 600 个字'] })
    expect(notify).toHaveBeenCalledWith('回复内容有误', 'error')
    expect(convo.canReply.value).toBe(true)
  })

  it('reloads a conversation someone closed meanwhile, so the page shows it closed', async () => {
    serve({
      [`GET ${url}`]: [json(conversation()), json(conversation({ status: 'closed' }))],
      [`POST ${url}/replies`]: [problem(409, { reason: 'Closed', detail: '该会话已结束' })],
    })
    const convo = useConversation('v1', vi.fn())
    await convo.load()

    expect((await convo.reply('在吗')).kind).toBe('refused')
    expect(convo.closed.value).toBe(true)
    expect(convo.canReply.value).toBe(false)
  })
})

describe('useConversation: invitation', () => {
  it('sends the template invitation and says so; a second one within a day is refused with the server\'s words', async () => {
    const { calls } = serve({
      [`GET ${url}`]: [json(conversation({ windowOpen: false }))],
      [`POST ${url}/invitations`]: [json({ messageId: 'm9' }, 201), problem(429, { detail: '24 小时内只能邀请一次' })],
    })
    const notify = vi.fn()
    const convo = useConversation('v1', notify)
    await convo.load()

    expect(await convo.invite()).toBe(true)
    expect(notify).toHaveBeenCalledWith('邀请已发送，客户回复后即可继续沟通', 'success')
    expect(await convo.invite()).toBe(false)
    expect(notify).toHaveBeenLastCalledWith('24 小时内只能邀请一次', 'error')
    expect(calls.filter((call) => call.method === 'POST').every((call) => call.body === undefined)).toBe(true)
  })
})

describe('useConversation: complaint', () => {
  it('files the complaint and answers the new case\'s id to open', async () => {
    const { calls } = serve({
      [`GET ${url}`]: [json(conversation())],
      [`POST ${url}/complaint`]: [json({ caseId: 'case-7' }, 201)],
    })
    const convo = useConversation('v1', vi.fn())
    await convo.load()

    const outcome = await convo.fileComplaint({ category: '维修质量', severity: 'high', description: '保养后发动机异响' })

    expect(outcome).toEqual({ kind: 'filed', caseId: 'case-7' })
    expect(calls.at(-1)?.body).toEqual({ category: '维修质量', severity: 'high', description: '保养后发动机异响' })
  })

  it('opens the existing case when a colleague filed it first', async () => {
    serve({
      [`GET ${url}`]: [json(conversation())],
      [`POST ${url}/complaint`]: [problem(409, { reason: 'AlreadyFiled', caseId: 'case-1', detail: '该会话已转为投诉' })],
    })
    const notify = vi.fn()
    const convo = useConversation('v1', notify)
    await convo.load()

    const outcome = await convo.fileComplaint({ category: '服务态度', severity: 'normal' })

    expect(outcome).toEqual({ kind: 'filed', caseId: 'case-1' })
    expect(notify).toHaveBeenCalledWith('该会话已转为投诉，正在打开工单', 'warning')
  })

  it('returns the field errors of a refused filing for the form', async () => {
    serve({
      [`GET ${url}`]: [json(conversation())],
      [`POST ${url}/complaint`]: [problem(422, { detail: '填写的内容有误', errors: { category: ['请填写投诉类别'] } })],
    })
    const convo = useConversation('v1', vi.fn())
    await convo.load()

    const outcome = await convo.fileComplaint({ category: ' ', severity: 'normal' })

    expect(outcome.kind === 'refused' && outcome.error.fieldErrors).toEqual({ category: ['请填写投诉类别'] })
  })

  it('drafts the form from the consumer\'s own messages, naming what has no text', () => {
    const draft = complaintDraft(conversation({ messages: [...conversation().messages, message('m3', 'out', 'text', '我们马上处理')] }))

    expect(draft).toEqual({ category: '', severity: 'normal', description: '保养后发动机异响\n[图片]' })
  })

  it('checks that a category is picked and the description length before sending', () => {
    expect(validateComplaint({ category: '  ', severity: 'normal' })).toEqual({ category: '请选择投诉类别' })
    expect(validateComplaint({ category: '维修质量', severity: 'normal', description: '长'.repeat(2001) })).toEqual({
      description: '投诉内容不能超过 2000 个字',
    })
    expect(validateComplaint({ category: '服务态度', severity: 'low' })).toEqual({})
  })
})

describe('useConversation: loading', () => {
  it('shows why a conversation cannot be opened (another dealer\'s or unknown id)', async () => {
    serve({ [`GET ${url}`]: [problem(404)] })
    const convo = useConversation('v1', vi.fn())

    await convo.load()

    expect(convo.detail.value).toBeNull()
    expect(convo.loadError.value).toBe('未找到该会话，或它不属于您的经销店')
  })
})
