/**
 * One thing the staff member means to do (a step, a claim, a note). Its Idempotency-Key is made on the first attempt
 * and kept while the outcome is unknown (no answer, a gateway error), so pressing again, or the client's own retry,
 * cannot do it twice; a definite answer settles it and the next attempt gets a new key.
 */
export class Submission {
  private key: string | null = null

  keyForAttempt(): string {
    this.key ??= newIdempotencyKey()
    return this.key
  }

  settle(): void {
    this.key = null
  }

  get pending(): boolean {
    return this.key !== null
  }
}

/** A random UUID v4; getRandomValues because randomUUID needs a secure context and the local run is plain http. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
