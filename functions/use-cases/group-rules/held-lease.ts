import type { GroupRuleRecord, SyncLease } from "../../domain/group-rule";
import { PreconditionFailedError } from "../../domain/errors";
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

const sameLease = (a: SyncLease | null, b: SyncLease) => !!a && a.holder === b.holder && a.until === b.until;

/**
 * A sync's lease on its rule, kept alive while the sync runs: a first sync of 50,000 members on
 * a store that throttles its writes may take longer than the lease, and another instance
 * would then take the rule and sync it at the same time (safe, through the seat path, but
 * twice the work and no holders index kept). `keep` is called between the sync's batches.
 */
export class HeldLease {
  private lost = false;

  constructor(
    private readonly deps: UsersDeps,
    private leased: Versioned<GroupRuleRecord>,
  ) {}

  /** The rule as this sync last wrote it, with the lease it holds now: what it saves its result onto. */
  get rule(): Versioned<GroupRuleRecord> {
    return this.leased;
  }

  /**
   * Extends the lease when a third of it has passed. A rule another sync took meanwhile (this
   * lease ran out first) is left to it: the finishing write then marks that sync's lease
   * (see domain/group-rule.ts `finishedSync`).
   */
  async keep(): Promise<void> {
    const own = this.leased.value.sync.lease;
    const now = this.deps.now();
    if (this.lost || !own || Date.parse(own.until) - now.getTime() > LEASE_MS - RENEW_AFTER_MS) return;
    this.leased = await retryOnConflict(
      { attempts: RULE_WRITE_ATTEMPTS, isConflict: (e) => e instanceof PreconditionFailedError },
      async (attempt) => {
        const { orgId, id } = this.leased.value;
        const current = attempt === 0 ? this.leased : await this.deps.rules.get(orgId, id);
        if (!current || !sameLease(current.value.sync.lease, own)) {
          // Kept as it was: saving the result compares the rule's lease with this one.
          this.lost = true;
          return this.leased;
        }
        const lease = { ...own, until: syncLease(own.holder, now).until };
        return this.deps.rules.replace({ ...current.value, sync: { ...current.value.sync, lease } }, current.etag);
      },
    );
  }
}
