import { describe, expect, it } from 'vitest'
import type { InputField } from '../src/api/types'
import { buildActionForm, initialValues, toInput, validateAction } from '../src/composables/actionForm'

const remedy: InputField[] = [
  { name: 'points', label: '补偿积分', type: 'integer', required: true, min: 0, max: 5000, hint: '您的补偿权限：500 积分' },
  { name: 'kind', label: '补偿方式', type: 'enum', required: true, choices: ['points', { value: 'voucher', label: '代金券' }] },
  { name: 'summary', label: '说明', type: 'string', required: false, maxLength: 500 },
  { name: 'code', label: '券码', type: 'string', required: false, maxLength: 20 },
  { name: 'notify', label: '通知客户', type: 'boolean', required: false },
  { name: 'future', label: '新类型', type: 'date', required: false },
]

describe('buildActionForm', () => {
  it('draws a control per field type with its limits, choices and hint', () => {
    const form = buildActionForm(remedy)

    expect(form.map((field) => [field.name, field.kind])).toEqual([
      ['points', 'number'],
      ['kind', 'choice'],
      ['summary', 'textarea'],
      ['code', 'text'],
      ['notify', 'switch'],
      ['future', 'textarea'],
    ])
    expect(form[0]).toMatchObject({ min: 0, max: 5000, hint: '您的补偿权限：500 积分', placeholder: '请输入 0 至 5000 的整数' })
    expect(form[1].choices).toEqual([{ value: 'points', label: 'points' }, { value: 'voucher', label: '代金券' }])
    expect(initialValues(form)).toEqual({ points: '', kind: '', summary: '', code: '', notify: false, future: '' })
  })

  it('uses the field name when the definition gives no label', () => {
    expect(buildActionForm([{ name: 'steps', label: '', type: 'string', required: true }])[0].label).toBe('steps')
  })
})

describe('validateAction', () => {
  const form = buildActionForm(remedy)
  const valid = { points: '800', kind: 'voucher', summary: '', code: '', notify: true, future: '' }

  it('accepts values within every limit, including an amount above the staff member\'s authority (the engine decides)', () => {
    expect(validateAction(form, valid)).toEqual({})
  })

  it('names each missing, malformed or out-of-range value in Chinese', () => {
    expect(validateAction(form, { ...valid, points: '', kind: '' })).toEqual({ points: '请填写补偿积分', kind: '请填写补偿方式' })
    expect(validateAction(form, { ...valid, points: '1.5' })).toEqual({ points: '补偿积分须为整数' })
    expect(validateAction(form, { ...valid, points: '-1' })).toEqual({ points: '补偿积分不能小于 0' })
    expect(validateAction(form, { ...valid, points: '5001' })).toEqual({ points: '补偿积分不能大于 5000' })
    expect(validateAction(form, { ...valid, kind: 'cash' })).toEqual({ kind: '请选择补偿方式' })
    expect(validateAction(form, { ...valid, code: '码'.repeat(21) })).toEqual({ code: '券码不能超过 20 个字' })
  })

  it('counts characters, not UTF-16 units, against the length limit', () => {
    expect(validateAction(form, { ...valid, code: '😀'.repeat(20) })).toEqual({})
  })
})

describe('toInput', () => {
  it('sends whole numbers as numbers, booleans as booleans, trimmed text, and leaves empty optional fields out', () => {
    const form = buildActionForm(remedy)

    expect(toInput(form, { points: ' 800 ', kind: 'voucher', summary: '  已致电客户  ', code: '', notify: false, future: '' })).toEqual({
      points: 800,
      kind: 'voucher',
      summary: '已致电客户',
      notify: false,
    })
  })
})
