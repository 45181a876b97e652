import type { GroupRuleRecord, SyncLease } from "../../domain/group-rule";
import { ConflictError, PreconditionFailedError } from "../../domain/errors";
import { retryOnConflict } from "../../domain/retry-on-conflict";
import type { Versioned } from "../../ports/versioned";
import type { UsersDeps } from "../users/users-deps";

/** A sync holds its rule this long at most: a crashed instance's lease runs out. */
export const LEASE_MS = 15 * 60_000;
/** A running sync extends its lease once a third of it has passed, well before another instance may take the rule. */
const RENEW_AFTER_MS = LEASE_MS / 3;
/** Tries of a write to a rule that other requests may write at the same time (etag-guarded). */
export const RULE_WRITE_ATTEMPTS = 5;

/** A lease for `holder` from now: what a sync, or the creation of a rule, holds the rule with. */
export function syncLease(holder: string, now: Date): SyncLease {
  return { holder, until: new Date(now.getTime() + LEASE_MS).toISOString() };
}

/**
 * A sync's lease on its rule, kept alive while the sync runs: a first sync of 50,000 members on
 * a store that throttles its writes may take longer than the lease, and another instance
 * would then take the rule and sync it at the same time (safe, through the seat path, but
 * twice the work and no holders index kept). `keep` is called between the sync's writes.
 */
export class HeldLease {
  constructor(
    private readonly deps: UsersDeps,
    private leased: Versioned<GroupRuleRecord>,
  ) {}

  /** The rule as this sync last wrote it, with the lease it holds now: what it saves its result onto. */
  get rule(): Versioned<GroupRuleRecord> {
    return this.leased;
  }

  /**
   * Extends the lease once a third of it has passed. Stops the sync (ConflictError) when it may
   * not go on: its lease ran out and another sync took the rule (which then finishes the work;
   * saving this sync's end marks that one's lease, see domain/group-rule.ts `finishedSync`),
   * or the rule is being deleted, or is gone. Any other failure to extend is logged and tried
   * again at the next call: the lease has two thirds of its time left.
   */
  async keep(): Promise<void> {
    const own = this.leased.value.sync.lease;
    const now = this.deps.now();
    if (!own || Date.parse(own.until) - now.getTime() > LEASE_MS - RENEW_AFTER_MS) return;
    try {
      this.leased = await retryOnConflict(
        { attempts: RULE_WRITE_ATTEMPTS, isConflict: (e) => e instanceof PreconditionFailedError },
        async (attempt) => {
          const { orgId, id } = this.leased.value;
          const current = attempt === 0 ? this.leased : await this.deps.rules.get(orgId, id);
          if (!current || current.value.deleting) throw new ConflictError(RULE_DELETED);
          // The same holder is this sync: a renewal that was saved although its answer was lost.
          if (current.value.sync.lease?.holder !== own.holder) throw new ConflictError(SYNC_TAKEN_OVER);
          const lease = { ...current.value.sync.lease, until: syncLease(own.holder, now).until };
          return this.deps.rules.replace({ ...current.value, sync: { ...current.value.sync, lease } }, current.etag);
        },
      );
    } catch (error) {
      if (error instanceof ConflictError) throw error;
      this.deps.warn(`The sync of group rule ${this.leased.value.id} could not extend its lease: ${String(error)}`);
    }
  }
}

const RULE_DELETED = "This rule was deleted while it was being synced; the sync stopped.";
const SYNC_TAKEN_OVER =
  "This sync ran longer than its lease and another sync took the rule over; that one finishes the work.";
