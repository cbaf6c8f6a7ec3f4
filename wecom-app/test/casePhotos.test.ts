import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import CasePage from '../src/pages/CasePage.vue'
import { i18n } from '../src/i18n'
import { makeRouter } from '../src/router'
import { fakeFetch, json } from './fakeFetch'

const photos = [
  { id: 'u1', url: '/api/staff/uploads/u1' },
  { id: 'u2', url: '/api/staff/uploads/u2' },
]
const detail = {
  id: 'c1', version: 2, process: { key: 'complaint', label: '客户投诉' }, state: { key: 'received', label: '待首次响应' },
  customer: { consumerId: 'p1', name: '王先生', dealerName: '一号店' }, filed: [{ label: '问题描述', value: '刹车异响' }], photos,
  assignee: null, assigneeRole: 'service-advisor', dueAt: null, breached: false, timeline: [], notes: [],
}

async function render() {
  vi.stubGlobal('fetch', fakeFetch({
    'GET /api/staff/cases/c1': [json(detail)],
    'GET /api/staff/cases/c1/transitions': [json({ caseId: 'c1', state: 'received', version: 2, transitions: [] })],
  }).fetch)
  const router = makeRouter(createMemoryHistory())
  await router.push('/cases/c1')
  await router.isReady()
  const wrapper = mount(CasePage, { props: { id: 'c1' }, global: { plugins: [router, i18n] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('the case page photos', () => {
  it('shows the photos the customer filed, from the staff route, and enlarges the one tapped in the image viewer', async () => {
    const wrapper = await render()

    const thumbnails = wrapper.findAll('[data-testid=case-photo]')
    expect(thumbnails).toHaveLength(2)
    expect(thumbnails.map((thumbnail) => thumbnail.find('img').attributes('src'))).toEqual(photos.map((photo) => photo.url))
    expect(document.body.querySelector('.t-image-viewer')).toBeNull()

    await thumbnails[1].trigger('click')
    await flushPromises()

    const viewer = document.body.querySelector('.t-image-viewer')
    expect(viewer).not.toBeNull()
    expect([...viewer!.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toContain('/api/staff/uploads/u2')
  })
})
