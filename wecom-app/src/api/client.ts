import { errorFromProblem, NetworkError, SessionExpiredError, type ProblemDetails } from './errors'
import { Submission } from './submission'

export interface ApiClientOptions {
  fetch: typeof fetch
  /** Leaves the app (sign-in); location.assign in the browser. */
  navigate: (url: string) => void
  /** The app's current route (`/cases/1?x=y`), kept through sign-in. */
  currentRoute: () => string
  /** The app's base path, `/wecom-app/`. */
  base: string
  /** Automatic retries of an unanswered POST, with the same Idempotency-Key. */
  retries?: number
  retryDelayMs?: number
}

export type Query = Record<string, string | number | boolean | null | undefined>

// Gateways that may have passed the request on: the outcome is unknown, so these are retried like no answer.
const unknownOutcome = new Set([502, 503, 504])

/** The staff API on the same origin: cookie session, Chinese errors, sign-in on 401, idempotent POSTs. */
export class ApiClient {
  private leaving = false

  constructor(private readonly options: ApiClientOptions) {}

  /** Where a 401 sends the browser: sign-in, then back to this very route. */
  signInUrl(): string {
    const returnUrl = `${this.options.base}#${this.options.currentRoute()}`
    return `/staff/signin?returnUrl=${encodeURIComponent(returnUrl)}`
  }

  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.send<T>('GET', withQuery(path, query), undefined, undefined)
  }

  /** A POST that changes something: every attempt of `submission` carries its Idempotency-Key. */
  async post<T>(path: string, body: unknown, submission: Submission, query: Query = {}): Promise<T> {
    const retries = this.options.retries ?? 2
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.send<T>('POST', withQuery(path, query), body, submission.keyForAttempt())
        submission.settle()
        return result
      } catch (error) {
        if (!(error instanceof NetworkError)) {
          submission.settle()
          throw error
        }
        if (attempt >= retries) {
          throw error
        }
        await delay(this.options.retryDelayMs ?? 400)
      }
    }
  }

  private async send<T>(method: string, path: string, body: unknown, idempotencyKey: string | undefined): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json'
    }
    if (idempotencyKey) {
      headers['Idempotency-Key'] = idempotencyKey
    }

    let response: Response
    try {
      response = await this.options.fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      })
    } catch {
      throw new NetworkError()
    }

    if (response.status === 401) {
      this.leaveForSignIn()
      throw new SessionExpiredError()
    }
    if (unknownOutcome.has(response.status)) {
      throw new NetworkError()
    }
    if (!response.ok) {
      throw errorFromProblem(response.status, await readJson<ProblemDetails>(response))
    }
    return (await readJson<T>(response)) as T
  }

  private leaveForSignIn(): void {
    // Several requests of one page may see the 401; the browser is sent once.
    if (!this.leaving) {
      this.leaving = true
      this.options.navigate(this.signInUrl())
    }
  }
}

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(name, String(value))
    }
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

async function readJson<T>(response: Response): Promise<T | null> {
  const text = await response.text()
  if (!text) {
    return null
  }
  try {
    return JSON.parse(text) as T
  } catch {
    return null
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
