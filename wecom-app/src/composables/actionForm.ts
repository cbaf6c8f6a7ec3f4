import { t } from '../i18n'
import type { Choice, InputField } from '../api/types'

export type FieldKind = 'text' | 'textarea' | 'number' | 'switch' | 'choice'

/** A form control drawn from one input field of a step; the app knows field types, never states or roles. */
export interface FormField {
  name: string
  label: string
  kind: FieldKind
  required: boolean
  maxLength: number | null
  min: number | null
  max: number | null
  choices: Choice[]
  hint: string | null
  placeholder: string
}

export type FormValue = string | boolean
export type FormValues = Record<string, FormValue>

// Longer texts get a multi-line box; short ones (a name, a code) a single line.
const multiLineFrom = 60

function kindOf(field: InputField): FieldKind {
  switch (field.type) {
    case 'integer':
    case 'number':
      return 'number'
    case 'boolean':
      return 'switch'
    case 'enum':
    case 'choice':
      return 'choice'
    default:
      // 'string', 'text' and any type this app does not know yet: text still lets the server check the value.
      return field.maxLength != null && field.maxLength < multiLineFrom ? 'text' : 'textarea'
  }
}

function choicesOf(field: InputField): Choice[] {
  return (field.choices ?? []).map((choice) => (typeof choice === 'string' ? { value: choice, label: choice } : choice))
}

function placeholderOf(field: InputField, kind: FieldKind): string {
  if (kind === 'number' && field.min != null && field.max != null) {
    return t('form.placeholderRange', { min: field.min, max: field.max })
  }
  if (kind === 'choice') {
    return t('form.placeholderChoose')
  }
  return field.required ? t('form.placeholderRequired') : t('form.placeholderOptional')
}

export function buildActionForm(fields: InputField[]): FormField[] {
  return fields.map((field) => {
    const kind = kindOf(field)
    return {
      name: field.name,
      label: field.label || field.name,
      kind,
      required: field.required,
      maxLength: field.maxLength ?? null,
      min: field.min ?? null,
      max: field.max ?? null,
      choices: choicesOf(field),
      hint: field.hint ?? null,
      placeholder: placeholderOf(field, kind),
    }
  })
}

export function initialValues(form: FormField[]): FormValues {
  return Object.fromEntries(form.map((field) => [field.name, field.kind === 'switch' ? false : '']))
}

/** The same limits the engine checks, so most mistakes are shown before the request; the server stays the judge. */
export function validateAction(form: FormField[], values: FormValues): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const field of form) {
    const error = fieldError(field, values[field.name])
    if (error) {
      errors[field.name] = error
    }
  }
  return errors
}

function fieldError(field: FormField, value: FormValue | undefined): string | null {
  if (field.kind === 'switch') {
    return null
  }
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) {
    return field.required ? t('form.required', { label: field.label }) : null
  }
  switch (field.kind) {
    case 'number': {
      if (!/^-?\d+$/.test(text)) {
        return t('form.wholeNumber', { label: field.label })
      }
      const number = Number(text)
      if (field.min != null && number < field.min) {
        return t('form.atLeast', { label: field.label, min: field.min })
      }
      if (field.max != null && number > field.max) {
        return t('form.atMost', { label: field.label, max: field.max })
      }
      return null
    }
    case 'choice':
      return field.choices.some((choice) => choice.value === text) ? null : t('form.choose', { label: field.label })
    default:
      return field.maxLength != null && [...text].length > field.maxLength
        ? t('form.tooLong', { label: field.label, max: field.maxLength })
        : null
  }
}

/** The step's input as the engine reads it: whole numbers as numbers, booleans as booleans, empty optional fields left out. */
export function toInput(form: FormField[], values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  for (const field of form) {
    const value = values[field.name]
    if (field.kind === 'switch') {
      input[field.name] = value === true
      continue
    }
    const text = typeof value === 'string' ? value.trim() : ''
    if (text) {
      input[field.name] = field.kind === 'number' ? Number(text) : text
    }
  }
  return input
}
