/**
 * Counts the writes this instance makes to each org's partition of the `members` container
 * (org document, seat ledger, members). A copy read before a write carries an older count
 * and is no longer used, so this instance always sees its own changes at once.
 *
 * Every adapter that writes the org document or a member runs the write through
 * `writing()`: the cached warm path (RecentReads) depends on it. (The seat ledger and the
 * audit outbox share the partition but are never cached.)
 */
export class PartitionWrites {
  private readonly counts = new Map<string, number>();

  generation(orgId: string): number {
    return this.counts.get(orgId) ?? 0;
  }

  /**
   * Runs a write to the org's partition. The partition counts as changed whatever the
   * outcome: a failed batch may have landed in part, a timed-out request may have landed.
   * (A timed-out write that lands after this count moved can still leave a copy read in
   * between for up to RECENT_READ_MS; its caller was answered 503 and retries.)
   */
  async writing<T>(orgId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.counts.set(orgId, this.generation(orgId) + 1);
    }
  }
}
