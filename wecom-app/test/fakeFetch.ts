import { vi } from 'vitest'

export interface Call {
  method: string
  url: string
  headers: Record<string, string>
  body: unknown
}

type Answer = Response | Error | ((call: Call) => Response | Error)

/** A fetch that answers from a queue per "METHOD path" (the path without query) and records every call. */
export function fakeFetch(answers: Record<string, Answer[]>) {
  const calls: Call[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    const call: Call = {
      method: init?.method ?? 'GET',
      url,
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    }
    calls.push(call)
    const queue = answers[`${call.method} ${url.split('?')[0]}`]
    if (!queue || queue.length === 0) {
      throw new Error(`unexpected ${call.method} ${url}`)
    }
    const next = queue.length > 1 ? queue.shift()! : queue[0]
    const answer = typeof next === 'function' ? next(call) : next
    if (answer instanceof Error) {
      throw answer
    }
    return answer.clone()
  })
  return { fetch, calls }
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

export function problem(status: number, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ status, ...extra }), { status, headers: { 'Content-Type': 'application/problem+json' } })
}
