import { planState, seatLimit } from "../../domain/access";
import { ConflictError } from "../../domain/errors";
import { syncDue } from "../../domain/group-rule";
import type { OrgRecord } from "../../domain/org";
import { ensureLedger, seatsTaken } from "../users/seat-ledger";
import type { UsersDeps } from "../users/users-deps";
import { finishDeletion } from "./delete-rule";
import { syncRule } from "./sync-rule";

export interface RuleSyncTally {
  orgs: number;
  synced: number;
  failedReads: number;
  skipped: number;
  deletionsFinished: number;
  errors: number;
}

/**
 * The sync timer's pass over every org with rules: each rule whose last sync is older than
 * `intervalMs`, or whose members wait for a seat while one is free (someone was set to None,
 * seats were bought), is synced, and a deletion that was cut short is finished. One org's
 * failure is logged and the others go on; a rule another instance is syncing is skipped.
 */
export async function syncDueRules(
  deps: UsersDeps,
  options: { intervalMs: number; holder: string; log: (message: string) => void },
): Promise<RuleSyncTally> {
  const tally: RuleSyncTally = { orgs: 0, synced: 0, failedReads: 0, skipped: 0, deletionsFinished: 0, errors: 0 };
  for await (const orgId of deps.rules.orgIds()) {
    tally.orgs++;
    try {
      const org = (await deps.orgs.get(orgId))?.value;
      if (!org) continue;
      let seatFree: boolean | undefined;
      for (const { value: rule } of await deps.rules.list(orgId)) {
        if (rule.deleting) {
          await finishDeletion(deps, org, rule);
          tally.deletionsFinished++;
          continue;
        }
        if (rule.sync.waitingCount > 0) seatFree ??= await hasFreeSeat(deps, org);
        if (!syncDue(rule.sync, deps.now(), options.intervalMs, seatFree ?? false)) continue;
        try {
          const outcome = await syncRule(deps, org, rule.id, { holder: options.holder });
          if (outcome.read) tally.synced++;
          else tally.failedReads++;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          tally.skipped++;
        }
      }
    } catch (error) {
      tally.errors++;
      options.log(`Group rules of org ${orgId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return tally;
}

/**
 * Whether the org's seat ledger has a seat free now (no limit: always). Only an early sync
 * hangs on it: when the ledger cannot be read, the rules wait for their interval.
 */
async function hasFreeSeat(deps: UsersDeps, org: OrgRecord): Promise<boolean> {
  const limit = seatLimit(planState(org, deps.now()));
  if (limit === null) return true;
  try {
    const ledger = (await ensureLedger(deps, org)).value;
    return seatsTaken(ledger, deps.now()) < limit;
  } catch {
    return false;
  }
}
