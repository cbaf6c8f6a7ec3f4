import { ref } from 'vue'
import { ApiError, ConflictError, SessionExpiredError } from '../api/errors'
import { staffApi } from '../api/staff'
import type { Submission } from '../api/submission'
import type { CaseDetail, Transition } from '../api/types'
import { t } from '../i18n'
import { useSubmit } from './useSubmit'

export type NoticeKind = 'success' | 'warning' | 'error'
export type Notify = (message: string, kind: NoticeKind) => void

/** How an action ended: done, refused (with the server's reasons for the form), or overtaken by someone else. */
export type ActionOutcome = { kind: 'done' } | { kind: 'refused'; error: ApiError } | { kind: 'conflict' } | { kind: 'busy' }

/**
 * One case as its page shows it: the detail, the steps this staff member may take now, and every action on it. A
 * conflict (someone else moved the case) reloads both and says so; every action is guarded against a double tap.
 */
export function useCase(id: string, notify: Notify) {
  const detail = ref<CaseDetail | null>(null)
  const transitions = ref<Transition[]>([])
  const version = ref(0)
  const loading = ref(false)
  const loadError = ref<string | null>(null)
  const { busy, run } = useSubmit()

  async function load(): Promise<void> {
    loading.value = true
    try {
      const [current, available] = await Promise.all([staffApi.case(id), staffApi.transitions(id)])
      detail.value = current
      transitions.value = available.transitions
      version.value = available.version
      loadError.value = null
    } catch (error) {
      if (!(error instanceof SessionExpiredError)) {
        loadError.value = (error as Error).message
      }
    } finally {
      loading.value = false
    }
  }

  async function act(
    intent: unknown[],
    action: (submission: Submission) => Promise<unknown>,
    done: string,
  ): Promise<ActionOutcome> {
    const outcome = await run<ActionOutcome>(JSON.stringify(intent), async (submission) => {
      try {
        await action(submission)
      } catch (error) {
        return failed(error)
      }
      notify(done, 'success')
      await load()
      return { kind: 'done' }
    })
    return outcome ?? { kind: 'busy' }
  }

  async function failed(error: unknown): Promise<ActionOutcome> {
    if (error instanceof ConflictError) {
      await load()
      notify(error.message, 'warning')
      return { kind: 'conflict' }
    }
    const apiError = error instanceof ApiError ? error : new ApiError(0, t('errors.network'))
    if (!(apiError instanceof SessionExpiredError)) {
      notify([apiError.message, ...apiError.details].join('：'), 'error')
    }
    return { kind: 'refused', error: apiError }
  }

  return {
    detail,
    transitions,
    version,
    loading,
    loadError,
    busy,
    load,
    fire: (transition: Transition, input: Record<string, unknown>) =>
      act(
        ['fire', transition.trigger, version.value, input],
        (s) => staffApi.fire(id, transition.trigger, version.value, input, s),
        t('case.done', { action: transition.label }),
      ),
    claim: () => act(['claim', version.value], (s) => staffApi.claim(id, version.value, s), t('case.claimed')),
    reassign: (staffId: string, name: string) =>
      act(['reassign', version.value, staffId], (s) => staffApi.reassign(id, version.value, staffId, s), t('case.reassigned', { name })),
    addNote: (text: string) => act(['note', text], (s) => staffApi.addNote(id, text, s), t('case.noteAdded')),
  }
}
