import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import ConversationPage from '../src/pages/ConversationPage.vue'
import { i18n } from '../src/i18n'
import { makeRouter } from '../src/router'
import { fakeFetch, json, problem } from './fakeFetch'

const url = '/api/staff/conversations/v1'
const windowClosed = '客户已超过 48 小时未发消息，微信不允许再主动回复；可以发送模板消息邀请客户回来'
const conversation = {
  id: 'v1', status: 'open', customer: { consumerId: 'p1', name: '王先生' }, windowOpen: true,
  windowClosesAt: '2026-12-07T10:00:00Z', caseId: null,
  messages: [
    { id: 'm1', at: '2026-12-05T10:00:00Z', direction: 'in', kind: 'text', text: '保养后发动机异响', mediaUrl: null, staff: null, delivery: null },
    { id: 'm9', at: '2026-12-05T10:00:30Z', direction: 'in', kind: 'image', text: null, mediaUrl: `${url}/media/m9`, staff: null, delivery: null },
    { id: 'm2', at: '2026-12-05T10:01:00Z', direction: 'in', kind: 'voice', text: null, mediaUrl: `${url}/media/m2`, staff: null, delivery: null },
    { id: 'm3', at: '2026-12-05T10:05:00Z', direction: 'out', kind: 'text', text: '您好，请问方便到店吗？', mediaUrl: null, staff: { id: 's1', name: '李顾问' }, delivery: 'sent' },
  ],
}

async function render(answers: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(answers)
  vi.stubGlobal('fetch', fake.fetch)
  const router = makeRouter(createMemoryHistory())
  await router.push('/conversations/v1')
  await router.isReady()
  const wrapper = mount(ConversationPage, { props: { id: 'v1' }, global: { plugins: [router, i18n] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router, calls: fake.calls }
}

async function type(wrapper: Awaited<ReturnType<typeof render>>['wrapper'], text: string) {
  await wrapper.find('[data-testid=reply-input] textarea').setValue(text)
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('ConversationPage', () => {
  it('draws the consumer on the left and the staff member on the right with their name, a picture, and a voice message as a labelled player', async () => {
    const { wrapper } = await render({ [`GET ${url}`]: [json(conversation)] })

    const bubbles = wrapper.findAll('[data-testid=message]')
    expect(bubbles.map((b) => b.attributes('data-direction'))).toEqual(['in', 'in', 'in', 'out'])
    expect(bubbles[0].classes()).toContain('bubble--in')
    expect(bubbles[3].classes()).toContain('bubble--out')
    expect(bubbles[3].text()).toContain('李顾问')
    expect(wrapper.find('[data-testid=message-image] img').attributes('src')).toBe(`${url}/media/m9`)
    expect(wrapper.find('[data-testid=message-voice]').text()).toContain('语音消息')
    expect(wrapper.find('[data-testid=message-voice] audio').attributes('src')).toBe(`${url}/media/m2`)
    wrapper.unmount()
  })

  it('draws WeLink\'s own keyword reply as a mini-program card signed 自动回复, not as a colleague\'s', async () => {
    const card = { id: 'm4', at: '2026-12-05T10:00:01Z', direction: 'out', kind: 'page', text: '预约试驾', mediaUrl: null, staff: null, delivery: 'sent' }
    const { wrapper } = await render({ [`GET ${url}`]: [json({ ...conversation, messages: [conversation.messages[0], card] })] })

    const bubbles = wrapper.findAll('[data-testid=message]')
    expect(bubbles[1].attributes('data-kind')).toBe('page')
    expect(bubbles[1].text()).toContain('自动回复')
    expect(wrapper.get('[data-testid=message-page] .bubble__card-title').text()).toBe('预约试驾')
    expect(wrapper.get('[data-testid=message-page]').text()).toContain('小程序卡片')
    wrapper.unmount()
  })

  it('disables the send button while the reply is in flight and sends one reply for a double tap', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const { wrapper, calls } = await render({
      [`GET ${url}`]: [json(conversation)],
      [`POST ${url}/replies`]: [json({ messageId: 'm4', delivery: 'sent' }, 201)],
    })
    const fetchMock = vi.mocked(fetch)
    const original = fetchMock.getMockImplementation()!
    fetchMock.mockImplementationOnce(async (...args) => { await held; return original(...args) })
    await type(wrapper, '明天上午可以')

    const send = wrapper.find('[data-testid=send]')
    await send.trigger('click')
    await send.trigger('click')
    expect(wrapper.find('[data-testid=send]').attributes('disabled')).toBeDefined()
    release()
    await flushPromises()

    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1)
    expect((wrapper.find('[data-testid=reply-input] textarea').element as HTMLTextAreaElement).value).toBe('')
    wrapper.unmount()
  })

  it('shows the 48-hour refusal beside the reply box and offers the template invitation instead', async () => {
    const { wrapper, calls } = await render({
      [`GET ${url}`]: [json(conversation)],
      [`POST ${url}/replies`]: [problem(409, { reason: 'WindowClosed', detail: windowClosed })],
      [`POST ${url}/invitations`]: [json({ messageId: 'm5' }, 201)],
    })
    await type(wrapper, '您还在吗？')

    await wrapper.find('[data-testid=send]').trigger('click')
    await flushPromises()

    const notice = wrapper.find('[data-testid=reply-box] [data-testid=window-closed]')
    expect(notice.text()).toContain(windowClosed)
    expect(wrapper.find('[data-testid=send]').attributes('disabled')).toBeDefined()
    await notice.find('[data-testid=invite]').trigger('click')
    await flushPromises()
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.url)).toEqual([`${url}/replies`, `${url}/invitations`])
    wrapper.unmount()
  })

  it('turns the conversation into a complaint from a form drafted with the consumer\'s messages and the brand\'s categories, then opens the case', async () => {
    const { wrapper, router, calls } = await render({
      [`GET ${url}`]: [json(conversation)],
      'GET /api/staff/conversations/complaint-categories': [json([{ value: '服务态度', label: '服务态度' }, { value: '维修质量', label: '维修质量' }])],
      [`POST ${url}/complaint`]: [json({ caseId: 'case-7' }, 201)],
    })

    // Not waiting for the lazily loaded case page: the page's part is to ask for it.
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined)
    await wrapper.find('[data-testid=to-complaint]').trigger('click')
    await flushPromises()
    const form = document.querySelector('[data-testid=complaint-form]') as HTMLFormElement
    expect((form.querySelector('[data-field=description] textarea') as HTMLTextAreaElement).value).toBe('保养后发动机异响\n[图片]\n[语音]')
    form.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(form.querySelector('[data-testid=field-error]')?.textContent).toBe('请选择投诉类别')
    expect([...form.querySelectorAll('[data-testid=category-option]')].map((o) => o.textContent?.trim())).toEqual(['服务态度', '维修质量'])

    ;(form.querySelectorAll('[data-testid=category-option]')[1] as HTMLElement).click()
    await flushPromises()
    form.dispatchEvent(new Event('submit'))
    await flushPromises()

    expect(calls.at(-1)?.body).toEqual({ category: '维修质量', severity: 'normal', description: '保养后发动机异响\n[图片]\n[语音]' })
    expect(push).toHaveBeenCalledWith({ name: 'case', params: { id: 'case-7' } })
    wrapper.unmount()
  })

  it('says why the categories could not be read and reads them again on 重试', async () => {
    const { wrapper } = await render({
      [`GET ${url}`]: [json(conversation)],
      'GET /api/staff/conversations/complaint-categories': [problem(500, { detail: '服务暂时不可用' }), json([{ value: '其他', label: '其他' }])],
    })

    await wrapper.find('[data-testid=to-complaint]').trigger('click')
    await flushPromises()
    const form = document.querySelector('[data-testid=complaint-form]') as HTMLFormElement
    const error = form.querySelector('[data-testid=categories-error]') as HTMLElement
    expect(error.textContent).toContain('服务暂时不可用')
    ;(error.querySelector('a') as HTMLElement).click()
    await flushPromises()
    expect([...form.querySelectorAll('[data-testid=category-option]')].map((o) => o.textContent?.trim())).toEqual(['其他'])
    wrapper.unmount()
  })

  it('shows a closed conversation as closed, with no reply box', async () => {
    const { wrapper } = await render({ [`GET ${url}`]: [json({ ...conversation, status: 'closed', caseId: 'case-7' })] })

    expect(wrapper.find('[data-testid=conversation-closed]').text()).toContain('该会话已结束')
    expect(wrapper.find('[data-testid=reply-box]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=open-case]').exists()).toBe(true)
    wrapper.unmount()
  })
})
