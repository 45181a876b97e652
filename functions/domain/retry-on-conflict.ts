import { UnavailableError } from "./errors";

/** What a request answers (503) when its write kept losing to others until its budget ran out. */
export const TOO_MANY_CHANGES = "Too many changes to this organization at once. Please try again in a moment.";

export class TooManyChangesError extends UnavailableError {
  /** `lastConflict`: the error of the last attempt, which tells whose budget ran out when retries nest. */
  constructor(readonly lastConflict: unknown) {
    super(TOO_MANY_CHANGES);
  }
}

export interface ConflictRetry {
  /** Attempts in all, the first one included. */
  attempts: number;
  /** Whether an error means another write got in first (read again and retry); any other error propagates. */
  isConflict: (error: unknown) => boolean;
  /** The pause after attempt number `failed` (from 0) lost; without it the next attempt starts at once. */
  backoff?: { delayMs: (failed: number) => number; sleep: (ms: number) => Promise<void> };
}

/**
 * Optimistic concurrency for one read-modify-write: `attempt` reads, decides and writes
 * guarded by what it read; when it loses to another write (`isConflict`), it runs again on
 * fresh data, up to the budget, and then gives up with TooManyChangesError.
 */
export async function retryOnConflict<T>(policy: ConflictRetry, attempt: (index: number) => Promise<T>): Promise<T> {
  for (let index = 0; ; index++) {
    try {
      return await attempt(index);
    } catch (error) {
      if (!policy.isConflict(error)) throw error;
      if (index + 1 >= policy.attempts) throw new TooManyChangesError(error);
      if (policy.backoff) await policy.backoff.sleep(policy.backoff.delayMs(index));
    }
  }
}

/**
 * Full jitter: a random pause below baseMs·2^failed, at most capMs, so a burst of writers
 * spreads out instead of colliding again in step.
 */
export function jitteredExponential(
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): (failed: number) => number {
  return (failed) => random() * Math.min(capMs, baseMs * 2 ** Math.min(failed, 30));
}
