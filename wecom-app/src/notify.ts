import { Toast } from 'tdesign-mobile-vue'
import type { Notify } from './composables/useCase'

/** Toasts for the outcome of an action; conflicts and refusals stay longer so they are read. */
export const toast: Notify = (message, kind) => {
  Toast({ message, theme: kind === 'success' ? 'success' : kind === 'warning' ? 'warning' : 'error', duration: kind === 'success' ? 1500 : 3000 })
}
