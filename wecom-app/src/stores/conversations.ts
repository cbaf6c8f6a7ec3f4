import { computed, reactive, readonly } from 'vue'
import { SessionExpiredError } from '../api/errors'
import { conversationApi } from '../api/conversations'
import type { ConversationRow, ConversationView } from '../api/types'
import { orderConversations } from '../composables/conversationList'

interface ConversationsState {
  view: ConversationView
  rows: ConversationRow[]
  loading: boolean
  error: string | null
}

const state = reactive<ConversationsState>({ view: 'open', rows: [], loading: false, error: null })
const rows = computed(() => orderConversations(state.rows))
const unansweredCount = computed(() => state.rows.filter((row) => row.unanswered && row.status === 'open').length)

/**
 * The dealer's conversations, shared by the list page and the tab bar's badge (how many customers wait for an answer).
 * Every staff member of the dealer sees them; the duty role only decides who is notified.
 */
export function useConversations() {
  async function load(view: ConversationView = state.view): Promise<void> {
    state.loading = true
    try {
      const answer = await conversationApi.list(view)
      state.view = view
      state.rows = answer
      state.error = null
    } catch (error) {
      if (!(error instanceof SessionExpiredError)) {
        state.error = (error as Error).message
      }
    } finally {
      state.loading = false
    }
  }

  return { state: readonly(state), rows, unansweredCount, load }
}
