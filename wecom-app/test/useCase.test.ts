import { afterEach, describe, expect, it, vi } from 'vitest'
import { useCase } from '../src/composables/useCase'
import { fakeFetch, json, problem } from './fakeFetch'

const detail = (version: number, state: string) => ({
  id: 'c1', version, process: { key: 'complaint', label: '投诉' }, state: { key: state, label: state },
  customer: { consumerId: 'p1', name: '王先生', dealerName: '一号店' }, filed: [], photos: [], assignee: null,
  assigneeRole: 'advisor', dueAt: null, breached: false, timeline: [], notes: [],
})
const acknowledge = { trigger: 'acknowledge', label: '受理', input: [] }
const transitions = (version: number) => ({ caseId: 'c1', state: 'new', version, transitions: [acknowledge] })

function serve(answers: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(answers)
  vi.stubGlobal('fetch', fake.fetch)
  return fake
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('useCase', () => {
  it('fires a step with the version it was offered at and reloads the case', async () => {
    const { calls } = serve({
      'GET /api/staff/cases/c1': [json(detail(3, 'new')), json(detail(4, 'acknowledged'))],
      'GET /api/staff/cases/c1/transitions': [json(transitions(3)), json({ ...transitions(4), transitions: [] })],
      'POST /api/staff/cases/c1/transitions/acknowledge': [json({ caseId: 'c1', state: 'acknowledged', version: 4, replayed: false })],
    })
    const notify = vi.fn()
    const kase = useCase('c1', notify)
    await kase.load()

    const outcome = await kase.fire(acknowledge, { note: '已联系' })

    expect(outcome).toEqual({ kind: 'done' })
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.url).toBe('/api/staff/cases/c1/transitions/acknowledge?expectedVersion=3')
    expect(post.body).toEqual({ note: '已联系' })
    expect(kase.detail.value?.state.key).toBe('acknowledged')
    expect(kase.transitions.value).toEqual([])
    expect(notify).toHaveBeenCalledWith('已受理', 'success')
  })

  it('on a conflict reloads the case and says someone else handled it', async () => {
    serve({
      'GET /api/staff/cases/c1': [json(detail(3, 'new')), json(detail(5, 'resolved'))],
      'GET /api/staff/cases/c1/transitions': [json(transitions(3)), json({ ...transitions(5), transitions: [] })],
      'POST /api/staff/cases/c1/transitions/acknowledge': [problem(409, { currentVersion: 5 })],
    })
    const notify = vi.fn()
    const kase = useCase('c1', notify)
    await kase.load()

    const outcome = await kase.fire(acknowledge, {})

    expect(outcome).toEqual({ kind: 'conflict' })
    expect(kase.detail.value?.state.key).toBe('resolved')
    expect(kase.version.value).toBe(5)
    expect(notify).toHaveBeenCalledWith('该工单已被他人处理，已刷新', 'warning')
  })

  it('ignores a second tap while the first action is in flight', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const { calls } = serve({
      'GET /api/staff/cases/c1': [json(detail(3, 'new'))],
      'GET /api/staff/cases/c1/transitions': [json(transitions(3))],
      'POST /api/staff/cases/c1/claim': [json({ caseId: 'c1', state: 'new', version: 4, replayed: false })],
    })
    const kase = useCase('c1', vi.fn())
    await kase.load()
    const fetchMock = vi.mocked(fetch)
    const original = fetchMock.getMockImplementation()!
    fetchMock.mockImplementationOnce(async (...args) => { await held; return original(...args) })

    const first = kase.claim()
    const second = await kase.claim()
    expect(kase.busy.value).toBe(true)
    release()

    expect(second).toEqual({ kind: 'busy' })
    expect(await first).toEqual({ kind: 'done' })
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1)
  })

  it('returns a refusal with its field errors and keeps the case as it was', async () => {
    serve({
      'GET /api/staff/cases/c1': [json(detail(3, 'new'))],
      'GET /api/staff/cases/c1/transitions': [json(transitions(3))],
      'POST /api/staff/cases/c1/transitions/acknowledge': [problem(422, { detail: '输入有误', errors: { note: ['备注太长'] } })],
    })
    const notify = vi.fn()
    const kase = useCase('c1', notify)
    await kase.load()

    const outcome = await kase.fire(acknowledge, { note: 'x' })

    expect(outcome.kind).toBe('refused')
    expect(outcome.kind === 'refused' && outcome.error.fieldErrors).toEqual({ note: ['备注太长'] })
    expect(notify).toHaveBeenCalledWith('输入有误', 'error')
  })

  it('shows why a case cannot be opened (a foreign or unknown id)', async () => {
    serve({
      'GET /api/staff/cases/c1': [problem(404)],
      'GET /api/staff/cases/c1/transitions': [problem(404)],
    })
    const kase = useCase('c1', vi.fn())

    await kase.load()

    expect(kase.detail.value).toBeNull()
    expect(kase.loadError.value).toBe('未找到该工单，或它不属于您的经销店')
  })
})
