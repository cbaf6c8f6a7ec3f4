import { t } from '../i18n'

/** A ProblemDetails body as WeLink answers errors (ASP.NET Core's, plus the case engine's extensions). */
export interface ProblemDetails {
  title?: string
  detail?: string
  status?: number
  errors?: Record<string, string[]>
  details?: string[]
  currentVersion?: number
  /** Why a request was refused (`WindowClosed`, `AlreadyFiled`, …), for the page to act on. */
  reason?: string
  caseId?: string
  windowClosedAt?: string
}

/** An answer the app shows: `message` is always Simplified Chinese, ready for a toast. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly details: string[] = [],
    readonly problem: ProblemDetails | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** The server's reason code for the refusal (`WindowClosed`, …), when it gave one. */
  get reason(): string | null {
    return this.problem?.reason ?? null
  }
}

/** 409: someone else moved the case first; the page reloads it and says so. */
export class ConflictError extends ApiError {
  constructor(readonly currentVersion: number | null) {
    super(409, t('errors.conflict'))
    this.name = 'ConflictError'
  }
}

/** 401: the browser is on its way to sign-in; callers stop and show nothing else. */
export class SessionExpiredError extends ApiError {
  constructor() {
    super(401, t('errors.sessionExpired'))
    this.name = 'SessionExpiredError'
  }
}

/** No answer (offline, or a gateway that gave up): the same submission may be retried with the same key. */
export class NetworkError extends ApiError {
  constructor() {
    super(0, t('errors.network'))
    this.name = 'NetworkError'
  }
}

// Some older endpoints still answer English details; people read Chinese, so those fall back to the status's text.
const chinese = /[\u3400-\u9fff]/

function readable(text: string | undefined): text is string {
  return !!text && chinese.test(text)
}

function fallbackFor(status: number): string {
  switch (status) {
    case 400:
    case 422:
      return t('errors.invalid')
    case 403:
      return t('errors.forbidden')
    case 404:
      return t('errors.notFound')
    case 429:
      return t('errors.busy')
    default:
      return status >= 500 ? t('errors.server') : t('errors.unknown', { status })
  }
}

/** Maps a non-2xx answer (other than 401, handled by the client) to the error the app shows. */
export function errorFromProblem(status: number, problem: ProblemDetails | null): ApiError {
  // A 409 without a reason is a moved case; one with a reason (a closed window, a complaint already filed) says why.
  if (status === 409 && !problem?.reason) {
    return new ConflictError(typeof problem?.currentVersion === 'number' ? problem.currentVersion : null)
  }

  const fieldErrors = Object.fromEntries(
    Object.entries(problem?.errors ?? {}).map(([field, messages]) => [field, messages.filter(readable)]),
  )
  const details = (problem?.details ?? []).filter(readable)
  const message = readable(problem?.detail) ? problem.detail : fallbackFor(status)
  return new ApiError(status, message, fieldErrors, details, problem)
}
