import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import ContactPage from '../src/pages/ContactPage.vue'
import { i18n } from '../src/i18n'
import { makeRouter } from '../src/router'
import { fakeFetch, json, problem } from './fakeFetch'

const currentExternalContact = vi.fn<() => Promise<string>>()
vi.mock('../src/wecom/register', () => ({ currentExternalContact: () => currentExternalContact() }))

const row = {
  id: 'c1',
  process: { key: 'complaint', label: '客户投诉' },
  category: '服务态度',
  severity: '紧急',
  state: { key: 'received', label: '待首次响应' },
  customer: { consumerId: 'k1', name: 'Wang Fang' },
  assignee: null,
  assigneeRole: 'service-advisor',
  dueAt: null,
  breached: false,
  version: 1,
  createdAt: '2026-12-05T01:00:00Z',
  updatedAt: '2026-12-05T01:00:00Z',
}

async function render() {
  const router = makeRouter(createMemoryHistory())
  await router.push('/contact')
  await router.isReady()
  const wrapper = mount(ContactPage, { global: { plugins: [router, i18n] } })
  await flushPromises()
  return { wrapper, router }
}

afterEach(() => {
  vi.unstubAllGlobals()
  currentExternalContact.mockReset()
})

describe('ContactPage', () => {
  it('asks WeLink about the contact of the chat, leads with their WeCom name, then the linked customer with their cases, which open the case page', async () => {
    currentExternalContact.mockResolvedValue('wm 1/x')
    const fake = fakeFetch({
      'GET /api/staff/contacts/wm%201%2Fx': [json({ externalUserId: 'wm 1/x', name: '王芳', linked: true, customer: { consumerId: 'k1', name: 'Wang Fang' }, cases: [row] })],
    })
    vi.stubGlobal('fetch', fake.fetch)

    const { wrapper, router } = await render()
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined)

    expect(wrapper.get('[data-testid=contact-name]').text()).toBe('王芳')
    expect(wrapper.get('[data-testid=contact-customer]').text()).toBe('本店客户：Wang Fang')
    expect(wrapper.find('[data-testid=not-linked]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid=case-row]')).toHaveLength(1)
    await wrapper.get('[data-testid=case-row]').trigger('click')
    expect(push).toHaveBeenCalledWith({ name: 'case', params: { id: 'c1' } })
  })

  it('shows an unlinked contact by their WeCom name as 尚未关联 and explains that linking by phone comes with members', async () => {
    currentExternalContact.mockResolvedValue('wm2')
    vi.stubGlobal('fetch', fakeFetch({
      'GET /api/staff/contacts/wm2': [json({ externalUserId: 'wm2', name: '张敏', linked: false, customer: null, cases: [] })],
    }).fetch)

    const { wrapper } = await render()

    expect(wrapper.get('[data-testid=contact-name]').text()).toBe('张敏')
    expect(wrapper.find('[data-testid=contact-customer]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=not-linked]').text()).toBe('尚未关联')
    expect(wrapper.text()).toContain('按手机号关联需要会员功能')
    expect(wrapper.findAll('[data-testid=case-row]')).toHaveLength(0)
  })

  it('falls back to the linked customer\'s name when WeCom gave no name for the contact', async () => {
    currentExternalContact.mockResolvedValue('wm4')
    vi.stubGlobal('fetch', fakeFetch({
      'GET /api/staff/contacts/wm4': [json({ externalUserId: 'wm4', name: null, linked: true, customer: { consumerId: 'k1', name: 'Wang Fang' }, cases: [] })],
    }).fetch)

    const { wrapper } = await render()

    expect(wrapper.get('[data-testid=contact-name]').text()).toBe('Wang Fang')
  })

  it('opened outside a chat, says to open it from the chat toolbar and asks WeLink nothing', async () => {
    currentExternalContact.mockRejectedValue({ errMsg: 'getCurExternalContact:fail without context of external contact' })
    const fake = fakeFetch({})
    vi.stubGlobal('fetch', fake.fetch)

    const { wrapper } = await render()

    expect(wrapper.get('[data-testid=contact-error]').text()).toContain('请从企业微信聊天窗口的工具栏打开此页')
    expect(fake.calls).toHaveLength(0)
  })

  it('shows WeLink\'s Chinese reason when the contact is not one of the dealer\'s', async () => {
    currentExternalContact.mockResolvedValue('wm3')
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/staff/contacts/wm3': [problem(404, { detail: '本店企业微信里没有这位客户。' })] }).fetch)

    const { wrapper } = await render()

    expect(wrapper.get('[data-testid=contact-error]').text()).toContain('本店企业微信里没有这位客户。')
  })

  it('links to the member page when the contact is a member of the brand, and shows no link when not', async () => {
    currentExternalContact.mockResolvedValue('wm5')
    const contact = { externalUserId: 'wm5', name: '王芳', linked: true, customer: { consumerId: 'k1', name: 'Wang Fang' }, cases: [] }
    vi.stubGlobal('fetch', fakeFetch({
      'GET /api/staff/contacts/wm5': [json(contact)],
      'GET /api/staff/members/by-contact/wm5': [json({ id: 'm1', name: '王芳', memberNumber: '100001' }), problem(404, { detail: '没有找到这位会员。' })],
    }).fetch)

    const member = await render()
    const push = vi.spyOn(member.router, 'push').mockResolvedValue(undefined)
    const stranger = await render()

    expect(member.wrapper.get('[data-testid=contact-member]').text()).toContain('王芳 · 100001')
    await member.wrapper.get('[data-testid=contact-member]').trigger('click')
    expect(push).toHaveBeenCalledWith({ name: 'member', params: { id: 'm1' } })
    expect(stranger.wrapper.find('[data-testid=contact-member]').exists()).toBe(false)
    expect(stranger.wrapper.get('[data-testid=contact-name]').text()).toBe('王芳')
  })
})
