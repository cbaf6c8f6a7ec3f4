import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import MemberPage from '../src/pages/MemberPage.vue'
import MePage from '../src/pages/MePage.vue'
import type { MemberView } from '../src/api/types'
import { i18n } from '../src/i18n'
import { makeRouter } from '../src/router'
import { fakeFetch, json, problem } from './fakeFetch'

const scanQrCode = vi.fn<() => Promise<string>>()
vi.mock('../src/wecom/register', () => ({ scanQrCode: () => scanQrCode() }))
const toast = vi.fn()
vi.mock('../src/notify', () => ({ toast: (...args: unknown[]) => toast(...args) }))

const a1 = { id: 'd1', name: '北京店' }
const a2 = { id: 'd2', name: '上海店' }

const member: MemberView = {
  id: 'm1',
  status: 'member',
  statusLabel: '会员',
  memberNumber: '100001',
  tier: '银卡',
  name: '王芳',
  phoneMasked: '138****5678',
  homeDealer: a1,
  joinedAt: '2026-12-01T02:00:00Z',
  createdAt: '2026-11-30T02:00:00Z',
  sharing: 'summary',
  profile: [{ field: 'name', label: '姓名', value: '王芳', source: 'miniprogram', sourceLabel: '小程序', changedAt: '2026-12-01T02:00:00Z', history: [] }],
  identities: [{ kind: 'account', kindLabel: '公众号', dealer: a1, linkedBy: 'first_sight', linkedByLabel: '首次访问', linkedAt: '2026-11-30T02:00:00Z' }],
  vehicles: [{ id: 'v1', model: 'Aurora S', plate: '京A12345', vin: 'LSVAB1234CD567890', purchasedOn: '2024-05-01', dealer: a1, createdAt: '2026-12-02T02:00:00Z' }],
  consents: [{ purpose: 'marketing', purposeLabel: '营销信息', granted: false, textVersion: 'v1', channel: 'miniprogram', decidedAt: '2026-12-01T02:00:00Z' }],
  cases: [{ id: 'c1', dealer: a1, process: 'complaint', processLabel: '客户投诉', state: 'received', stateLabel: '待首次响应', createdAt: '2026-12-03T02:00:00Z', closedAt: null }],
  otherDealers: [{ dealer: a2, identities: 1, vehicles: 0, cases: [{ processLabel: '客户投诉', stateLabel: '已关闭', count: 2 }] }],
  timeline: [
    { at: '2026-12-03T02:00:00Z', kind: 'case', text: '客户投诉：已提交（待首次响应）', dealer: a1 },
    { at: '2026-12-01T02:00:00Z', kind: 'joined', text: '加入会员', dealer: null },
  ],
}

async function mountAt(path: string, component: typeof MemberPage | typeof MePage) {
  const router = makeRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const wrapper = component === MemberPage
    ? mount(MemberPage, { props: { id: 'm1' }, global: { plugins: [router, i18n] } })
    : mount(MePage, { global: { plugins: [router, i18n] } })
  await flushPromises()
  return { wrapper, router }
}

afterEach(() => {
  vi.unstubAllGlobals()
  scanQrCode.mockReset()
  toast.mockReset()
})

describe('MemberPage', () => {
  it('shows the profile with its source, identities, vehicles, consents, cases that open their page, the other dealers as counts and the timeline', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/staff/members/m1': [json(member)] }).fetch)

    const { wrapper, router } = await mountAt('/members/m1', MemberPage)
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined)

    expect(wrapper.get('[data-testid=member-name]').text()).toBe('王芳')
    expect(wrapper.get('[data-testid=member-phone]').text()).toContain('138****5678')
    expect(wrapper.get('[data-testid=profile-field]').text()).toContain('来源：小程序')
    expect(wrapper.get('[data-testid=identity]').text()).toContain('北京店 · 首次访问')
    expect(wrapper.get('[data-testid=vehicle]').text()).toContain('LSVAB1234CD567890')
    expect(wrapper.get('[data-testid=consent]').text()).toContain('已撤回')
    expect(wrapper.get('[data-testid=other-dealer]').text()).toContain('客户投诉 已关闭 ×2')
    expect(wrapper.findAll('[data-testid=timeline-entry]').map((e) => e.attributes('data-kind'))).toEqual(['case', 'joined'])
    expect(wrapper.find('[data-testid=sharing-none]').exists()).toBe(false)
    await wrapper.get('[data-testid=member-case]').trigger('click')
    expect(push).toHaveBeenCalledWith({ name: 'case', params: { id: 'c1' } })
  })

  it('says so when the brand shares nothing of other dealers, and shows the server\'s reason for a member it cannot show', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/staff/members/m1': [json({ ...member, sharing: 'none', otherDealers: [] }), problem(404, { detail: '没有找到这位会员。' })] }).fetch)

    const shown = await mountAt('/members/m1', MemberPage)
    const missing = await mountAt('/members/m1', MemberPage)

    expect(shown.wrapper.get('[data-testid=sharing-none]').text()).toBe('本品牌未共享其他门店的记录')
    expect(missing.wrapper.get('[data-testid=member-error]').text()).toContain('没有找到这位会员。')
  })
})

describe('MemberPage empty sections', () => {
  it('says in a sentence that each section is empty instead of showing a bare heading', async () => {
    const bare: MemberView = { ...member, profile: [], identities: [], vehicles: [], consents: [], cases: [], otherDealers: [], timeline: [] }
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/staff/members/m1': [json(bare)] }).fetch)

    const { wrapper } = await mountAt('/members/m1', MemberPage)

    expect(['profile', 'identities', 'vehicles', 'consents', 'cases', 'timeline'].map((s) => wrapper.get(`[data-testid=${s}-empty]`).text())).toEqual([
      '暂无资料：客户还没有留下姓名等信息',
      '暂无身份：客户还没有在本店的公众号、小程序或企业微信中出现过',
      '暂无车辆，可点击“添加车辆”登记',
      '暂无授权记录：客户还没有作出任何授权选择',
      '暂无业务：客户还没有可查看的工单',
      '暂无动态',
    ])
    expect(wrapper.findAll('[data-testid=timeline-entry]')).toHaveLength(0)
  })
})

describe('添加车辆', () => {
  const added = { id: 'v2', model: '极光 S7', plate: '京B88888', vin: 'LSVAB1234CD567891', purchasedOn: '2025-03-08', dealer: a1, createdAt: '2026-12-05T02:00:00Z' }
  const path = 'POST /api/staff/members/m1/vehicles'

  async function openForm(answers: Parameters<typeof fakeFetch>[0]) {
    const fake = fakeFetch({ 'GET /api/staff/members/m1': [json(member)], ...answers })
    vi.stubGlobal('fetch', fake.fetch)
    const router = makeRouter(createMemoryHistory())
    await router.push('/members/m1')
    await router.isReady()
    const wrapper = mount(MemberPage, { props: { id: 'm1' }, global: { plugins: [router, i18n] }, attachTo: document.body })
    await flushPromises()
    await wrapper.get('[data-testid=add-vehicle]').trigger('click')
    await flushPromises()
    const form = document.querySelector('[data-testid=vehicle-form]') as HTMLFormElement
    return { wrapper, form, calls: fake.calls }
  }

  async function fill(form: HTMLFormElement, values: Record<string, string>) {
    for (const [field, value] of Object.entries(values)) {
      const input = form.querySelector(`[data-field=${field}] input`) as HTMLInputElement
      input.value = value
      input.dispatchEvent(new Event('input'))
    }
    await flushPromises()
  }

  const errorBeside = (form: HTMLFormElement, field: string) => form.querySelector(`[data-field=${field}] [data-testid=field-error]`)?.textContent ?? null

  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('posts the vehicle with an Idempotency-Key, leaves out blanks, and lists the new vehicle', async () => {
    const { wrapper, form, calls } = await openForm({ [path]: [json({ ...member, vehicles: [...member.vehicles, added] }, 201)] })

    await fill(form, { model: ' 极光 S7 ', plate: '京B88888', vin: 'LSVAB1234CD567891', purchasedOn: '2025-03-08' })
    form.dispatchEvent(new Event('submit'))
    await flushPromises()

    const post = calls.find((c) => c.method === 'POST')!
    expect(post.body).toEqual({ model: '极光 S7', plate: '京B88888', vin: 'LSVAB1234CD567891', purchasedOn: '2025-03-08' })
    expect(post.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(wrapper.findAll('[data-testid=vehicle]').map((v) => v.text())).toEqual([
      expect.stringContaining('Aurora S'),
      expect.stringContaining('LSVAB1234CD567891 · 2025-03-08 · 北京店'),
    ])
    expect(document.querySelector('[data-testid=vehicle-form]')).toBeNull()
    expect(toast).toHaveBeenCalledWith('车辆已添加', 'success')
    wrapper.unmount()
  })

  it("shows WeLink's Chinese reason beside the refused field and keeps the form", async () => {
    const vinRefused = '车架号（VIN）需为 17 位字母或数字，且不含 I、O、Q。'
    const { wrapper, form, calls } = await openForm({
      [path]: [problem(422, { title: 'The input was refused.', detail: vinRefused, errors: { vin: [vinRefused] } })],
    })

    await fill(form, { model: '极光 S7', vin: 'LSVAB1234CD56789O' })
    form.dispatchEvent(new Event('submit'))
    await flushPromises()

    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ model: '极光 S7', vin: 'LSVAB1234CD56789O' })
    expect(errorBeside(form, 'vin')).toBe(vinRefused)
    expect(errorBeside(form, 'model')).toBeNull()
    expect(document.querySelector('[data-testid=vehicle-form]')).not.toBeNull()
    expect(wrapper.findAll('[data-testid=vehicle]')).toHaveLength(1)
    expect(toast).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('sends one write for a double tap, the save button disabled while it is in flight', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const { wrapper, form, calls } = await openForm({ [path]: [json({ ...member, vehicles: [...member.vehicles, added] }, 201)] })
    const fetchMock = vi.mocked(fetch)
    const original = fetchMock.getMockImplementation()!
    fetchMock.mockImplementationOnce(async (...args) => { await held; return original(...args) })
    await fill(form, { model: '极光 S7' })

    form.dispatchEvent(new Event('submit'))
    form.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect((form.querySelector('[data-testid=vehicle-submit]') as HTMLButtonElement).disabled).toBe(true)
    release()
    await flushPromises()

    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1)
    expect(wrapper.findAll('[data-testid=vehicle]')).toHaveLength(2)
    wrapper.unmount()
  })
})

describe('扫会员码', () => {
  const me = { id: 's1', name: '李雷', brandId: 'b1', dealerId: 'd1', dealerName: '北京店', roles: ['service-advisor'] }

  it('sends the code WeCom\'s scanner read and opens the member it names', async () => {
    scanQrCode.mockResolvedValue('WLM1.100001.1800000000.sig')
    const fake = fakeFetch({ 'GET /api/staff/me': [json(me)], 'POST /api/staff/members/scan': [json(member)] })
    vi.stubGlobal('fetch', fake.fetch)
    const { wrapper, router } = await mountAt('/me', MePage)
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined)

    await wrapper.get('[data-testid=scan-member]').trigger('click')
    await flushPromises()

    expect(fake.calls.find((c) => c.method === 'POST')?.body).toEqual({ code: 'WLM1.100001.1800000000.sig' })
    expect(push).toHaveBeenCalledWith({ name: 'member', params: { id: 'm1' } })
  })

  it('shows WeLink\'s Chinese reason for an expired code and stays', async () => {
    scanQrCode.mockResolvedValue('WLM1.100001.1.sig')
    vi.stubGlobal('fetch', fakeFetch({
      'GET /api/staff/me': [json(me)],
      'POST /api/staff/members/scan': [problem(422, { detail: '会员码已过期，请让客户刷新后重新出示。' })],
    }).fetch)
    const { wrapper, router } = await mountAt('/me', MePage)
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined)

    await wrapper.get('[data-testid=scan-member]').trigger('click')
    await flushPromises()

    expect(toast).toHaveBeenCalledWith('会员码已过期，请让客户刷新后重新出示。', 'error')
    expect(push).not.toHaveBeenCalled()
  })
})
