import { describe, expect, it, vi } from 'vitest'
import { ApiClient } from '../src/api/client'
import { ApiError, ConflictError, NetworkError, SessionExpiredError } from '../src/api/errors'
import { Submission } from '../src/api/submission'
import { fakeFetch, json, problem } from './fakeFetch'

function client(answers: Parameters<typeof fakeFetch>[0], route = '/inbox') {
  const fake = fakeFetch(answers)
  const navigate = vi.fn()
  const api = new ApiClient({ fetch: fake.fetch, navigate, currentRoute: () => route, base: '/wecom-app/', retryDelayMs: 0 })
  return { api, navigate, calls: fake.calls }
}

describe('ApiClient idempotency', () => {
  it('retries an unanswered POST with the same Idempotency-Key and settles on the answer', async () => {
    const { api, calls } = client({ 'POST /api/staff/cases/c1/claim': [new TypeError('offline'), json({ version: 2 })] })
    const submission = new Submission()

    await api.post('/api/staff/cases/c1/claim', undefined, submission, { expectedVersion: 1 })

    expect(calls).toHaveLength(2)
    expect(calls[0].headers['Idempotency-Key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(calls[1].headers['Idempotency-Key']).toBe(calls[0].headers['Idempotency-Key'])
    expect(calls[0].url).toBe('/api/staff/cases/c1/claim?expectedVersion=1')
    expect(submission.pending).toBe(false)
  })

  it('keeps the key when every retry went unanswered, so pressing again cannot act twice', async () => {
    const { api, calls } = client({
      'POST /api/staff/cases/c1/notes': [new TypeError('offline'), problem(503), new TypeError('offline'), json({ text: 'x' }, 201)],
    })
    const submission = new Submission()

    await expect(api.post('/api/staff/cases/c1/notes', { text: 'x' }, submission)).rejects.toBeInstanceOf(NetworkError)
    expect(submission.pending).toBe(true)
    await api.post('/api/staff/cases/c1/notes', { text: 'x' }, submission)

    expect(new Set(calls.map((call) => call.headers['Idempotency-Key'])).size).toBe(1)
    expect(calls).toHaveLength(4)
  })

  it('gives the next attempt a new key once an attempt got a definite answer', async () => {
    const { api, calls } = client({ 'POST /api/staff/cases/c1/claim': [problem(422, { detail: '不能认领' }), json({})] })
    const submission = new Submission()

    await expect(api.post('/api/staff/cases/c1/claim', undefined, submission)).rejects.toBeInstanceOf(ApiError)
    await api.post('/api/staff/cases/c1/claim', undefined, submission)

    expect(calls[1].headers['Idempotency-Key']).not.toBe(calls[0].headers['Idempotency-Key'])
  })

  it('sends GETs without an Idempotency-Key and leaves empty query values out', async () => {
    const { api, calls } = client({ 'GET /api/staff/dealer/staff': [json([])] })

    await api.get('/api/staff/dealer/staff', { role: null, view: '' })

    expect(calls[0].url).toBe('/api/staff/dealer/staff')
    expect(calls[0].headers['Idempotency-Key']).toBeUndefined()
  })
})

describe('ApiClient on 401', () => {
  it('sends the browser to staff sign-in once, with the current route of the app encoded as returnUrl', async () => {
    const { api, navigate } = client({ 'GET /api/staff/cases/c1': [problem(401)] }, '/cases/c1?from=card&x=1')

    await expect(api.get('/api/staff/cases/c1')).rejects.toBeInstanceOf(SessionExpiredError)
    await expect(api.get('/api/staff/cases/c1')).rejects.toBeInstanceOf(SessionExpiredError)

    expect(navigate).toHaveBeenCalledTimes(1)
    const url = navigate.mock.calls[0][0] as string
    expect(url).toBe('/staff/signin?returnUrl=%2Fwecom-app%2F%23%2Fcases%2Fc1%3Ffrom%3Dcard%26x%3D1')
    expect(new URL(url, 'http://x').searchParams.get('returnUrl')).toBe('/wecom-app/#/cases/c1?from=card&x=1')
  })
})

describe('ApiClient error mapping', () => {
  it('turns 409 into a conflict that says the case was handled by someone else, with the current version', async () => {
    const { api } = client({ 'POST /api/staff/cases/c1/claim': [problem(409, { detail: 'The case moved', currentVersion: 7 })] })

    const error = await api.post('/api/staff/cases/c1/claim', undefined, new Submission()).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).message).toBe('该工单已被他人处理，已刷新')
    expect((error as ConflictError).currentVersion).toBe(7)
  })

  it('keeps a 409 that names its reason (a closed 48-hour window) as that refusal with its Chinese detail, not a moved case', async () => {
    const detail = '客户已超过 48 小时未发消息，微信不允许再主动回复；可以发送模板消息邀请客户回来'
    const { api } = client({ 'POST /api/staff/conversations/v1/replies': [problem(409, { reason: 'WindowClosed', detail })] })

    const error = await api.post('/api/staff/conversations/v1/replies', { text: '在吗' }, new Submission()).catch((e: unknown) => e)

    expect(error).not.toBeInstanceOf(ConflictError)
    expect((error as ApiError).reason).toBe('WindowClosed')
    expect((error as ApiError).message).toBe(detail)
  })

  it('shows a Chinese detail and the Chinese field errors of a 422', async () => {
    const { api } = client({
      'POST /api/staff/cases/c1/transitions/propose': [
        problem(422, { detail: '补偿积分超出您的权限', errors: { points: ['不能大于 500', 'must be at most 500'] }, details: ['需要店长批准'] }),
      ],
    })

    const error = (await api.post('/api/staff/cases/c1/transitions/propose', {}, new Submission()).catch((e: unknown) => e)) as ApiError

    expect(error.status).toBe(422)
    expect(error.message).toBe('补偿积分超出您的权限')
    expect(error.fieldErrors).toEqual({ points: ['不能大于 500'] })
    expect(error.details).toEqual(['需要店长批准'])
  })

  it.each([
    [400, '填写的内容有误，请检查后重试'],
    [403, '您没有权限执行此操作'],
    [404, '未找到该工单，或它不属于您的经销店'],
    [500, '服务暂时不可用，请稍后重试'],
    [418, '操作失败（418），请稍后重试'],
  ])('answers %i with an English or missing detail in Chinese', async (status, message) => {
    const { api } = client({ 'GET /api/staff/cases/c1': [problem(status, { detail: 'A note needs text.' })] })

    await expect(api.get('/api/staff/cases/c1')).rejects.toThrow(message)
  })

  it('reads a body that is not JSON as no details', async () => {
    const { api } = client({ 'GET /api/staff/cases/c1': [new Response('<html>oops</html>', { status: 404 })] })

    await expect(api.get('/api/staff/cases/c1')).rejects.toThrow('未找到该工单，或它不属于您的经销店')
  })
})
