import type { PartitionWrites } from "./partition-writes";

interface Entry<V> {
  value: V;
  generation: number;
  readAt: number;
}

/**
 * This instance's copies of documents in an org's partition, for reads that may be a few
 * seconds old (the access check of a GET request). A copy is used while it is younger than
 * `maxAgeMs` and no write through this instance has touched its org since the read began;
 * another instance's writes show within `maxAgeMs`. Bounded: the oldest copies go first.
 */
export class RecentReads<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly writes: PartitionWrites,
    private readonly maxAgeMs: number,
    private readonly maxEntries = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  async read(orgId: string, key: string, load: () => Promise<V | null>): Promise<V | null> {
    const generation = this.writes.generation(orgId);
    const startedAt = this.now();
    const copy = this.entries.get(key);
    if (copy && copy.generation === generation && startedAt - copy.readAt < this.maxAgeMs) return copy.value;
    const value = await load();
    // Absent documents are not remembered: the caller is about to create them.
    if (value === null) this.entries.delete(key);
    else this.remember(key, { value, generation, readAt: startedAt });
    return value;
  }

  private remember(key: string, entry: Entry<V>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
