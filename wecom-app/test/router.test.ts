import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { makeRouter } from '../src/router'

describe('router', () => {
  it('sends the bare app address to the inbox', async () => {
    const router = makeRouter(createMemoryHistory())
    await router.push('/')
    expect(router.currentRoute.value.fullPath).toBe('/inbox')
  })
})
