import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { makeRouter } from '../src/router'

const router = makeRouter(createMemoryHistory())

function inboxViewOf(path: string): unknown {
  const route = router.resolve(path)
  const props = route.matched[0].props.default as (r: typeof route) => { view: string }
  return props(route).view
}

describe('router', () => {
  it('opens the deep link of a card on the case page', () => {
    const route = router.resolve('/cases/6f1c2b1e-0000-4000-8000-000000000001')

    expect(route.name).toBe('case')
    expect(route.params.id).toBe('6f1c2b1e-0000-4000-8000-000000000001')
  })

  it('reads the inbox tab from the query and falls back to mine for a missing or unknown tab', () => {
    expect(inboxViewOf('/inbox?view=role')).toBe('role')
    expect(inboxViewOf('/inbox?view=dealer')).toBe('dealer')
    expect(inboxViewOf('/inbox')).toBe('mine')
    expect(inboxViewOf('/inbox?view=everything')).toBe('mine')
  })

  it('names the chat toolbar page and me as contract #15 does', () => {
    expect(router.resolve('/contact').name).toBe('contact')
    expect(router.resolve('/me').name).toBe('me')
  })
})

describe('router: conversations', () => {
  it('opens the deep link of a new-conversation notice on the conversation page', () => {
    const route = router.resolve('/conversations/6f1c2b1e-0000-4000-8000-000000000002')

    expect(route.name).toBe('conversation')
    expect(route.params.id).toBe('6f1c2b1e-0000-4000-8000-000000000002')
  })

  it('shows the list as a tab, open conversations unless all are asked for', () => {
    const viewOf = (path: string) => {
      const route = router.resolve(path)
      return (route.matched[0].props.default as (r: typeof route) => { view: string })(route).view
    }

    expect(router.resolve('/conversations').meta.tab).toBe('conversations')
    expect(viewOf('/conversations')).toBe('open')
    expect(viewOf('/conversations?view=all')).toBe('all')
    expect(viewOf('/conversations?view=closed')).toBe('open')
  })
})
