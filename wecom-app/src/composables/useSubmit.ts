import { ref } from 'vue'
import { Submission } from '../api/submission'

/**
 * Guards the actions of one page: a second tap while one is in flight does nothing. Pressing again after no answer
 * repeats the same intent (same action, same input) and so reuses its Idempotency-Key (see Submission); a different
 * intent gets its own submission and key.
 */
export function useSubmit() {
  const busy = ref(false)
  let current: { intent: string; submission: Submission } | null = null

  async function run<T>(intent: string, action: (submission: Submission) => Promise<T>): Promise<T | undefined> {
    if (busy.value) {
      return undefined
    }
    if (current?.intent !== intent) {
      current = { intent, submission: new Submission() }
    }
    busy.value = true
    try {
      return await action(current.submission)
    } finally {
      busy.value = false
    }
  }

  return { busy, run }
}
