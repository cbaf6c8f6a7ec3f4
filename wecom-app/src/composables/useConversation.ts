import { computed, ref } from 'vue'
import { conversationApi } from '../api/conversations'
import { ApiError, SessionExpiredError } from '../api/errors'
import type { ConversationComplaint, ConversationDetail } from '../api/types'
import { t } from '../i18n'
import { summaryOf } from './conversationList'
import type { Notify } from './useCase'
import { useSubmit } from './useSubmit'

export type ReplyOutcome = { kind: 'sent' } | { kind: 'windowClosed' } | { kind: 'refused'; error: ApiError } | { kind: 'busy' }
export type ComplaintOutcome = { kind: 'filed'; caseId: string } | { kind: 'refused'; error: ApiError } | { kind: 'busy' }

/**
 * One conversation as its page shows it: the messages, the reply box's state and the actions on it. Every action is
 * guarded against a double tap and repeats its Idempotency-Key when pressed again after no answer. WeChat's 48-hour
 * rule is the server's to judge: the app shows the refusal's reason and offers the invitation instead.
 */
export function useConversation(id: string, notify: Notify) {
  const detail = ref<ConversationDetail | null>(null)
  const loading = ref(false)
  const loadError = ref<string | null>(null)
  /** The server's own words when it refused a reply for the 48-hour window. */
  const windowRefusal = ref<string | null>(null)
  const { busy, run } = useSubmit()

  /** Why a free-form reply cannot be sent now, in Chinese; null while the window is open. */
  const windowClosedReason = computed(() => {
    if (windowRefusal.value) {
      return windowRefusal.value
    }
    return detail.value && detail.value.status === 'open' && !detail.value.windowOpen ? t('conversation.windowClosed') : null
  })
  const closed = computed(() => detail.value?.status === 'closed')
  const canReply = computed(() => detail.value !== null && !closed.value && windowClosedReason.value === null)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const current = await conversationApi.get(id)
      // A consumer's new message opens the window again, so an earlier refusal no longer holds.
      if (current.windowOpen) {
        windowRefusal.value = null
      }
      detail.value = current
      loadError.value = null
    } catch (error) {
      if (!(error instanceof SessionExpiredError)) {
        loadError.value = error instanceof ApiError && error.status === 404 ? t('conversation.notFound') : (error as Error).message
      }
    } finally {
      loading.value = false
    }
  }

  async function reply(text: string): Promise<ReplyOutcome> {
    const outcome = await run<ReplyOutcome>(JSON.stringify(['reply', text]), async (submission) => {
      try {
        const sent = await conversationApi.reply(id, text, submission)
        if (sent.delivery === 'failed') {
          notify(t('conversation.notDelivered'), 'warning')
        } else {
          notify(t('conversation.sent'), 'success')
        }
      } catch (error) {
        return refusedReply(error)
      }
      await load()
      return { kind: 'sent' }
    })
    return outcome ?? { kind: 'busy' }
  }

  async function refusedReply(error: unknown): Promise<ReplyOutcome> {
    const apiError = asApiError(error)
    if (apiError.reason === 'WindowClosed') {
      windowRefusal.value = apiError.message
      return { kind: 'windowClosed' }
    }
    if (apiError.reason === 'Closed') {
      await load()
    }
    report(apiError)
    return { kind: 'refused', error: apiError }
  }

  async function invite(): Promise<boolean> {
    const sent = await run(JSON.stringify(['invite']), (submission) => attempt(() => conversationApi.invite(id, submission)))
    if (sent) {
      notify(t('conversation.invited'), 'success')
      await load()
    }
    return sent === true
  }

  async function fileComplaint(complaint: ConversationComplaint): Promise<ComplaintOutcome> {
    const outcome = await run<ComplaintOutcome>(JSON.stringify(['complaint', complaint]), async (submission) => {
      try {
        const { caseId } = await conversationApi.fileComplaint(id, complaint, submission)
        notify(t('conversation.filed'), 'success')
        return { kind: 'filed', caseId }
      } catch (error) {
        const apiError = asApiError(error)
        // Someone filed it first: the case exists, so it is where the staff member wanted to go.
        if (apiError.reason === 'AlreadyFiled' && apiError.problem?.caseId) {
          notify(t('conversation.alreadyFiled'), 'warning')
          return { kind: 'filed', caseId: apiError.problem.caseId }
        }
        report(apiError)
        return { kind: 'refused', error: apiError }
      }
    })
    return outcome ?? { kind: 'busy' }
  }

  async function close(): Promise<boolean> {
    const done = await run(JSON.stringify(['close']), (submission) => attempt(() => conversationApi.close(id, submission)))
    if (done) {
      notify(t('conversation.closeDone'), 'success')
      await load()
    }
    return done === true
  }

  async function attempt(action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action()
      return true
    } catch (error) {
      report(asApiError(error))
      return false
    }
  }

  function report(error: ApiError): void {
    if (!(error instanceof SessionExpiredError)) {
      notify([error.message, ...error.details].join('：'), 'error')
    }
  }

  return { detail, loading, loadError, busy, closed, canReply, windowClosedReason, load, reply, invite, fileComplaint, close }
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, t('errors.network'))
}

/** The complaint form as it opens: the consumer's own messages as the description, a normal severity. */
export function complaintDraft(detail: ConversationDetail): ConversationComplaint & { description: string } {
  const description = detail.messages
    .filter((message) => message.direction === 'in')
    .map(summaryOf)
    .filter(Boolean)
    .join('\n')
  return { category: '', severity: 'normal', description: [...description].slice(0, complaintLimits.description).join('') }
}

/** The limit the complaint filing checks on the description (the category is picked from the brand's list). */
export const complaintLimits = { description: 2000 }

/** The same checks the server makes, so most mistakes show before the request; the server stays the judge. */
export function validateComplaint(complaint: ConversationComplaint): Record<string, string> {
  const errors: Record<string, string> = {}
  const category = complaint.category.trim()
  if (!category) {
    errors.category = t('conversation.complaintForm.categoryRequired')
  }
  if ([...(complaint.description ?? '')].length > complaintLimits.description) {
    errors.description = t('conversation.complaintForm.descriptionTooLong', { max: complaintLimits.description })
  }
  return errors
}
