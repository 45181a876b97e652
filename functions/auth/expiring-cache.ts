/**
 * A small in-memory cache whose entries expire at a given time. Bounded: when full, the
 * oldest entries go first (Map keeps insertion order), so a flood of distinct tokens cannot
 * grow memory without limit.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, expiresAt: number): void {
    if (expiresAt <= this.now()) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Runs `load` once per key at a time; concurrent callers share the same promise. */
  async getOrLoad(key: string, load: () => Promise<{ value: V; expiresAt: number }>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = load().then(({ value, expiresAt }) => {
        this.set(key, value, expiresAt);
        return value;
      });
      this.inflight.set(key, pending);
      pending.finally(() => this.inflight.delete(key)).catch(() => undefined);
    }
    return pending;
  }

  private readonly inflight = new Map<string, Promise<V>>();

  clear(): void {
    this.entries.clear();
  }
}
