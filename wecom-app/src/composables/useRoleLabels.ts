import { useI18n } from 'vue-i18n'

/** A role's name for people; a role this app has no label for (a new one) shows its code rather than nothing. */
export function useRoleLabels() {
  const { t, te } = useI18n()
  return { roleLabel: (code: string | null): string => (code && te(`roles.${code}`) ? t(`roles.${code}`) : (code ?? '')) }
}
