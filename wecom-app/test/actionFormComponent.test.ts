import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ActionForm from '../src/components/ActionForm.vue'
import type { Transition } from '../src/api/types'
import { i18n } from '../src/i18n'

const offer: Transition = {
  trigger: 'offer_remedy',
  label: '提供补偿',
  input: [
    { name: 'remedyPoints', label: '补偿积分', type: 'integer', required: true, min: 1, max: 100000, hint: '您的补偿权限：500 积分' },
    { name: 'remedyDescription', label: '补偿说明', type: 'string', required: true, maxLength: 200 },
  ],
}

function render(serverErrors: Record<string, string[]> = {}) {
  return mount(ActionForm, {
    props: { transition: offer, busy: false, serverErrors },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
}

describe('ActionForm', () => {
  it('draws a field per input with its hint, and sends typed input only when it is valid', async () => {
    const wrapper = render()
    await flushPromises()
    const form = document.querySelector('[data-testid=action-form]') as HTMLFormElement

    expect(form.textContent).toContain('提供补偿')
    expect(form.querySelector('[data-testid=field-hint]')?.textContent).toBe('您的补偿权限：500 积分')

    form.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect([...form.querySelectorAll('[data-testid=field-error]')].map((e) => e.textContent)).toEqual(['请填写补偿积分', '请填写补偿说明'])
    expect(wrapper.emitted('submit')).toBeUndefined()

    const points = form.querySelector('[data-field=remedyPoints] input') as HTMLInputElement
    points.value = '800'
    points.dispatchEvent(new Event('input'))
    const description = form.querySelector('[data-field=remedyDescription] textarea') as HTMLTextAreaElement
    description.value = '赠送保养积分'
    description.dispatchEvent(new Event('input'))
    await flushPromises()
    form.dispatchEvent(new Event('submit'))
    await flushPromises()

    expect(wrapper.emitted('submit')).toEqual([[{ remedyPoints: 800, remedyDescription: '赠送保养积分' }]])
    wrapper.unmount()
  })

  it('shows the field errors of a refused attempt under their fields', async () => {
    const wrapper = render({ remedyPoints: ['超出可用额度'] })
    await flushPromises()

    expect(document.querySelector('[data-field=remedyPoints] [data-testid=field-error]')?.textContent).toBe('超出可用额度')
    wrapper.unmount()
  })
})
