import { reactive, readonly } from 'vue'
import { staffApi } from '../api/staff'
import type { Submission } from '../api/submission'
import type { StaffMe } from '../api/types'

interface SessionState {
  me: StaffMe | null
  loading: boolean
  signedOut: boolean
  error: string | null
}

const state = reactive<SessionState>({ me: null, loading: false, signedOut: false, error: null })
let pending: Promise<StaffMe | null> | null = null

/** The signed-in staff member, loaded once for every page (a 401 sends the browser to sign-in from the client). */
export function useSession() {
  function load(force = false): Promise<StaffMe | null> {
    if (state.me && !force) {
      return Promise.resolve(state.me)
    }
    pending ??= (async () => {
      state.loading = true
      try {
        state.me = await staffApi.me()
        state.error = null
        return state.me
      } catch (error) {
        state.error = (error as Error).message
        return null
      } finally {
        state.loading = false
        pending = null
      }
    })()
    return pending
  }

  async function signOut(submission: Submission): Promise<void> {
    await staffApi.signOut(submission)
    state.me = null
    state.signedOut = true
  }

  return { state: readonly(state), load, signOut }
}
