/**
 * Sliding-window rate limit per key (REST API tokens: 10 requests per second and 100 per
 * minute). Each key keeps the times of its recent requests; a request is allowed when every
 * window has room. Pure apart from the caller-supplied clock.
 */
export interface RateWindow {
  limit: number;
  ms: number;
}

export const REST_API_WINDOWS: readonly RateWindow[] = [
  { limit: 10, ms: 1_000 },
  { limit: 100, ms: 60_000 },
];

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly longest: number;

  constructor(
    private readonly windows: readonly RateWindow[],
    /** Keys tracked at most; the least recently used are forgotten first. */
    private readonly maxKeys = 10_000,
  ) {
    this.longest = Math.max(...windows.map((w) => w.ms));
  }

  /** Records the request if allowed; a refused request does not count. */
  take(key: string, nowMs: number): RateDecision {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.longest);
    let waitMs = 0;
    for (const window of this.windows) {
      const inWindow = recent.filter((t) => t > nowMs - window.ms);
      if (inWindow.length >= window.limit) {
        // Room appears when the oldest request that fills the window leaves it.
        const oldest = inWindow[inWindow.length - window.limit];
        waitMs = Math.max(waitMs, oldest + window.ms - nowMs);
      }
    }
    if (waitMs > 0) {
      this.remember(key, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    recent.push(nowMs);
    this.remember(key, recent);
    return { allowed: true };
  }

  private remember(key: string, times: number[]): void {
    this.hits.delete(key);
    this.hits.set(key, times);
    if (this.hits.size > this.maxKeys) {
      const oldestKey = this.hits.keys().next().value;
      if (oldestKey !== undefined) this.hits.delete(oldestKey);
    }
  }
}
