import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import type { InboxRow } from '../src/api/types'
import { useInboxFilters } from '../src/composables/useInboxFilters'

function row(id: string, state: [string, string], process: [string, string], breached: boolean): InboxRow {
  return {
    id,
    process: { key: process[0], label: process[1] },
    state: { key: state[0], label: state[1] },
    customer: { name: `客户${id}` },
    assignee: null,
    assigneeRole: 'advisor',
    dueAt: null,
    breached,
    version: 1,
    createdAt: '2026-12-05T00:00:00Z',
    updatedAt: '2026-12-05T00:00:00Z',
  }
}

const rows = ref([
  row('1', ['new', '待受理'], ['complaint', '投诉'], true),
  row('2', ['acknowledged', '处理中'], ['complaint', '投诉'], false),
  row('3', ['new', '待受理'], ['test-drive', '试驾'], false),
])

describe('useInboxFilters', () => {
  it('offers the states and processes present in the rows, once each, with the server\'s labels', () => {
    const { stateOptions, processOptions } = useInboxFilters(rows)

    expect(stateOptions.value.map((s) => s.key).sort()).toEqual(['acknowledged', 'new'])
    expect(processOptions.value).toEqual(expect.arrayContaining([{ key: 'complaint', label: '投诉' }, { key: 'test-drive', label: '试驾' }]))
    expect(processOptions.value).toHaveLength(2)
  })

  it('shows every row until a filter is set, and combines filters', () => {
    const { filters, visible, active, clear } = useInboxFilters(rows)
    expect(visible.value.map((r) => r.id)).toEqual(['1', '2', '3'])
    expect(active.value).toBe(false)

    filters.state = 'new'
    expect(visible.value.map((r) => r.id)).toEqual(['1', '3'])
    filters.process = 'complaint'
    expect(visible.value.map((r) => r.id)).toEqual(['1'])
    filters.breach = 'onTime'
    expect(visible.value).toEqual([])
    expect(active.value).toBe(true)

    clear()
    expect(visible.value).toHaveLength(3)
  })

  it('splits breached from on-time rows', () => {
    const { filters, visible } = useInboxFilters(rows)

    filters.breach = 'breached'
    expect(visible.value.map((r) => r.id)).toEqual(['1'])
    filters.breach = 'onTime'
    expect(visible.value.map((r) => r.id)).toEqual(['2', '3'])
  })
})
