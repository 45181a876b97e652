import { ConflictError } from "../../domain/errors";
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
 * `intervalMs` is synced, and a deletion that was cut short is finished. One org's failure
 * is logged and the others go on; a rule another instance is syncing is skipped.
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
      for (const { value: rule } of await deps.rules.list(orgId)) {
        if (rule.deleting) {
          await finishDeletion(deps, org, rule);
          tally.deletionsFinished++;
          continue;
        }
        const last = rule.sync.lastRunAt ? Date.parse(rule.sync.lastRunAt) : 0;
        if (deps.now().getTime() - last < options.intervalMs) continue;
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
