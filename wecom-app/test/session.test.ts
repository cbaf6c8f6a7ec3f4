import { afterEach, describe, expect, it, vi } from 'vitest'
import { Submission } from '../src/api/submission'
import { useSession } from '../src/stores/session'
import { fakeFetch, json } from './fakeFetch'

const me = { id: 's1', name: '李顾问', brandId: 'b', dealerId: 'd', dealerName: '一号店', roles: ['服务顾问'] }

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('useSession', () => {
  it('loads the staff member once for every page that asks at the same time', async () => {
    const fake = fakeFetch({ 'GET /api/staff/me': [json(me)], 'POST /api/staff/signout': [new Response(null, { status: 204 })] })
    vi.stubGlobal('fetch', fake.fetch)
    const session = useSession()

    const [a, b] = await Promise.all([session.load(), useSession().load()])
    await session.load()

    expect(a).toEqual(me)
    expect(b).toEqual(me)
    expect(fake.calls).toHaveLength(1)

    await session.signOut(new Submission())
    expect(session.state.me).toBeNull()
    expect(session.state.signedOut).toBe(true)
    expect(fake.calls[1].headers['Idempotency-Key']).toBeTruthy()
  })
})
