import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import PullRefreshList from '../src/components/PullRefreshList.vue'
import { i18n } from '../src/i18n'

type State = { loading: boolean; error: string | null; empty: boolean }

function render(state: State, refresh: () => Promise<void> = async () => {}) {
  return mount(PullRefreshList, {
    props: { ...state, emptyText: '暂无工单', refresh, listTestid: 'list', emptyTestid: 'list-empty' },
    slots: { default: '<p data-testid="row">王芳</p>' },
    global: { plugins: [i18n] },
  })
}

describe('PullRefreshList (the inbox and the conversation list)', () => {
  it('shows loading only while nothing is shown yet, then the empty state, else the rows', async () => {
    expect(render({ loading: true, error: null, empty: true }).text()).toContain('加载中')
    const stillShowing = render({ loading: true, error: null, empty: false })
    expect(stillShowing.find('[data-testid=row]').exists()).toBe(true)
    const empty = render({ loading: false, error: null, empty: true })
    expect(empty.find('[data-testid=list-empty]').text()).toContain('暂无工单')
    expect(empty.find('[data-testid=row]').exists()).toBe(false)
  })

  it('shows an error instead of the rows, and its retry reloads', async () => {
    let reloads = 0
    const wrapper = render({ loading: false, error: '网络不可用', empty: false }, async () => { reloads++ })

    expect(wrapper.text()).toContain('网络不可用')
    expect(wrapper.find('[data-testid=row]').exists()).toBe(false)
    await wrapper.find('button').trigger('click')
    await flushPromises()
    expect(reloads).toBe(1)
  })

  it('a pull reloads, and the indicator settles once the reload has', async () => {
    let reloads = 0
    const wrapper = render({ loading: false, error: null, empty: false }, async () => { reloads++ })
    const pull = wrapper.findComponent({ name: 'TPullDownRefresh' })

    pull.vm.$emit('update:modelValue', true)
    pull.vm.$emit('refresh')
    await flushPromises()

    expect(reloads).toBe(1)
    expect(wrapper.findComponent({ name: 'TPullDownRefresh' }).props('modelValue')).toBe(false)
  })
})
