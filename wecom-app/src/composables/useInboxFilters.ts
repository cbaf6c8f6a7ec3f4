import { computed, reactive, type Ref } from 'vue'
import type { InboxRow, Labelled } from '../api/types'

export type BreachFilter = 'all' | 'breached' | 'onTime'

export interface InboxFilters {
  state: string
  process: string
  breach: BreachFilter
}

/**
 * Filters over the rows of one inbox tab. The choices are the states and processes present in the rows, with the
 * server's labels, so a new process or state needs no change here.
 */
export function useInboxFilters(rows: Ref<InboxRow[]>) {
  const filters = reactive<InboxFilters>({ state: '', process: '', breach: 'all' })

  const stateOptions = computed(() => distinct(rows.value.map((row) => row.state)))
  const processOptions = computed(() => distinct(rows.value.map((row) => row.process)))
  const active = computed(() => filters.state !== '' || filters.process !== '' || filters.breach !== 'all')
  const visible = computed(() => rows.value.filter((row) => matches(row, filters)))

  function clear(): void {
    filters.state = ''
    filters.process = ''
    filters.breach = 'all'
  }

  return { filters, stateOptions, processOptions, active, visible, clear }
}

export function matches(row: InboxRow, filters: InboxFilters): boolean {
  return (
    (filters.state === '' || row.state.key === filters.state) &&
    (filters.process === '' || row.process.key === filters.process) &&
    (filters.breach === 'all' || row.breached === (filters.breach === 'breached'))
  )
}

function distinct(items: Labelled[]): Labelled[] {
  const byKey = new Map<string, Labelled>()
  for (const item of items) {
    if (!byKey.has(item.key)) {
      byKey.set(item.key, item)
    }
  }
  return [...byKey.values()].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'))
}
