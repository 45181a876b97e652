import { UpstreamThrottledError } from "../../domain/errors";

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * The moment by which waiting for Azure DevOps must end. One budget is shared by all the
 * calls of one adapter method (a group expansion makes many), so a user action waits at
 * most the budget in total, however many calls it takes.
 */
export interface ThrottleBudget {
  until: number;
}

/** Waits shorter than this are rounded up: a `Retry-After: 0` must not become a busy loop. */
const MIN_WAIT_MS = 100;
/** Azure DevOps sends Retry-After with its 429s; without one, wait this long. */
const DEFAULT_WAIT_MS = 1_000;

/**
 * typed-rest-client's rejection of a 429: `responseHeaders` only when the body was JSON;
 * azure-devops-node-api adds `rateLimit` (Retry-After, X-RateLimit-*) from the raw headers.
 */
interface ThrottledAnswer {
  statusCode: 429;
  responseHeaders?: Record<string, string | string[] | undefined>;
  rateLimit?: { retryAfter?: number; reset?: number };
}

function isThrottled(error: unknown): error is ThrottledAnswer {
  return (error as { statusCode?: unknown } | null)?.statusCode === 429;
}

function header(answer: ThrottledAnswer, name: string): string | undefined {
  const value = answer.responseHeaders?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * How long Azure DevOps asks us to wait: `Retry-After` (seconds or an HTTP date, RFC 9110),
 * else `X-RateLimit-Reset` ("time at which tracked usage would return to 0", Unix epoch
 * seconds: learn.microsoft.com/azure/devops/integrate/concepts/rate-limits), else a second.
 */
export function waitAskedMs(answer: ThrottledAnswer, now: number): number {
  const retryAfter = header(answer, "retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const seconds = answer.rateLimit?.retryAfter;
  if (typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const reset = Number(header(answer, "x-ratelimit-reset") ?? answer.rateLimit?.reset);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
  return DEFAULT_WAIT_MS;
}

/**
 * Runs `attempt` again after each 429 for as long as Azure DevOps asks, while the wait ends
 * within the budget; when the next wait would not fit, fails with a 503 that carries Azure
 * DevOps' Retry-After, so the caller hears "try again in N s" instead of waiting on.
 */
export async function honourThrottling<T>(attempt: () => Promise<T>, budget: ThrottleBudget, clock: Clock): Promise<T> {
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isThrottled(error)) throw error;
      const wait = Math.max(MIN_WAIT_MS, waitAskedMs(error, clock.now()));
      if (clock.now() + wait > budget.until) {
        const seconds = Math.max(1, Math.ceil(wait / 1000));
        throw new UpstreamThrottledError(
          `Azure DevOps is limiting requests for this organization right now. Please try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
          seconds,
        );
      }
      await clock.sleep(wait);
    }
  }
}
