import { onScopeDispose, ref } from 'vue'

/** The current time, moved on every `intervalMs`, so waiting times on screen keep counting. */
export function useNow(intervalMs = 30_000) {
  const now = ref(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), intervalMs)
  onScopeDispose(() => clearInterval(timer))
  return now
}
