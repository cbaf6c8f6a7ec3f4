import { ApiError } from './errors';

/**
 * One form's submits. The Idempotency-Key is made on the first attempt and sent again on a retry after the answer
 * was lost (no network), so WeLink stores the submit once; any answer, success or refusal, spends it.
 */
export class Submission {
  private key: string | null = null;

  async send<T>(call: (idempotencyKey: string) => Promise<T>): Promise<T> {
    this.key ??= uuid();
    try {
      const answer = await call(this.key);
      this.key = null;
      return answer;
    } catch (error) {
      if (error instanceof ApiError) {
        this.key = null;
      }
      throw error;
    }
  }
}

function uuid(): string {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const random = (Math.random() * 16) | 0;
    return (c === 'x' ? random : (random & 0x3) | 0x8).toString(16);
  });
}
