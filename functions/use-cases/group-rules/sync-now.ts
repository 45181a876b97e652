import type {
  ConfirmRemovalsRequest,
  GroupRuleSyncResponse,
  GroupRulesSyncResponse,
} from "../../contracts/group-rules";
import { ConflictError, NotFoundError } from "../../domain/errors";
import { plural } from "../../domain/plural";
import type { UsersDeps } from "../users/users-deps";
import { rulesResponse } from "./list-rules";
import { ruleViewContext } from "./rule-views";
import type { RuleCaller } from "./rule-caller";
import { syncAllInWords, syncResponse, type SyncTally } from "./sync-response";
import { syncRule } from "./sync-rule";

/** "Sync now" on one rule. */
export async function syncOneRule(deps: UsersDeps, caller: RuleCaller, ruleId: string): Promise<GroupRuleSyncResponse> {
  const outcome = await syncRule(deps, caller.org, ruleId, { holder: caller.requestId });
  return syncResponse(outcome, await ruleViewContext(deps, caller.org));
}

/** "Sync now" on every rule of the org, one after the other (each through the seat-checked path). */
export async function syncAllRules(deps: UsersDeps, caller: RuleCaller): Promise<GroupRulesSyncResponse> {
  const tally: SyncTally = { synced: 0, added: 0, removed: 0, unread: 0, busy: 0 };
  for (const { value: rule } of await deps.rules.list(caller.org.id)) {
    if (rule.deleting) continue;
    try {
      const outcome = await syncRule(deps, caller.org, rule.id, { holder: caller.requestId });
      if (!outcome.read) tally.unread++;
      else tally.synced++;
      tally.added += outcome.added;
      tally.removed += outcome.removed;
    } catch (error) {
      // Another sync of this rule is running (the timer): it does the same work.
      if (!(error instanceof ConflictError)) throw error;
      tally.busy++;
    }
  }
  const rules = (await deps.rules.list(caller.org.id)).map((r) => r.value).filter((r) => !r.deleting);
  const response = rulesResponse(rules, caller, await ruleViewContext(deps, caller.org));
  const waiting = response.rules.reduce((sum, r) => sum + r.sync.waiting.count, 0);
  return { ...response, added: tally.added, removed: tally.removed, message: syncAllInWords(tally, waiting) };
}

/**
 * An administrator confirms the removals a sync held: the count they saw, so a sync that now
 * finds more people gone holds them again instead of removing more than was confirmed.
 */
export async function confirmRemovals(
  deps: UsersDeps,
  caller: RuleCaller,
  ruleId: string,
  request: ConfirmRemovalsRequest,
): Promise<GroupRuleSyncResponse> {
  const rule = await deps.rules.get(caller.org.id, ruleId);
  if (!rule || rule.value.deleting) throw new NotFoundError("There is no such group rule: it may have been deleted.");
  const held = rule.value.sync.heldRemovals;
  if (!held) throw new ConflictError("This rule holds no removals now: a later sync may have found the members back.");
  if (held.count !== request.count)
    throw new ConflictError(
      `The held removals changed: ${plural(held.count, "member")} would lose this rule's license now, not ${request.count}. Review them again.`,
    );
  const outcome = await syncRule(deps, caller.org, ruleId, {
    holder: caller.requestId,
    confirmRemovals: request.count,
  });
  return syncResponse(outcome, await ruleViewContext(deps, caller.org));
}
