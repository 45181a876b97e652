import type { GroupRuleRequest, GroupRuleSyncResponse } from "../../contracts/group-rules";
import { ConflictError, SeatLimitError } from "../../domain/errors";
import { MAX_GROUP_RULES, NEVER_SYNCED, type GroupRuleRecord } from "../../domain/group-rule";
import type { UsersDeps } from "../users/users-deps";
import type { RuleCaller } from "./rule-caller";
import { readGroupAsServiceAccount, refuseUnlessCallerSeesGroup } from "./rule-group";
import { ruleIdFor } from "./rule-id";
import { refuseUnlessNewRuleFits } from "./preview-rule";
import { ruleViewContext } from "./rule-views";
import { syncResponse } from "./sync-response";
import { syncLease } from "./held-lease";
import { syncRule } from "./sync-rule";

/**
 * Saves a rule and runs its first sync. The group is read with the service account, as every
 * later sync will read it, so a rule that could never sync is refused before anything is
 * written; so is a rule whose group does not fit the free seats now (nothing is half-applied:
 * the preview said how many seats are missing). Members who join later and find no seat wait,
 * as do those whose seats another change took while this one wrote its batches: the seat
 * limit holds, and the rule seats them when seats free, as any sync does.
 */
export async function createRule(
  deps: UsersDeps,
  caller: RuleCaller,
  request: GroupRuleRequest,
): Promise<GroupRuleSyncResponse> {
  await refuseUnlessNewRuleFits(deps, caller, request.groupDescriptor);
  const [{ group, members }] = await Promise.all([
    readGroupAsServiceAccount(deps, caller.org, request.groupDescriptor),
    caller.credential && refuseUnlessCallerSeesGroup(deps, caller.org, caller.credential, request.groupDescriptor),
  ]);
  const rule: GroupRuleRecord = {
    id: await ruleIdFor(request.groupDescriptor),
    orgId: caller.org.id,
    group: {
      descriptor: request.groupDescriptor,
      displayName: group.displayName,
      principalName: group.principalName,
      origin: group.origin,
    },
    role: request.role,
    createdAt: deps.now().toISOString(),
    createdBy: { id: caller.actor.id, displayName: caller.actor.displayName },
    deleting: false,
    // Saved with this request's lease: no timer pass syncs the new rule before its first sync
    // here (all or nothing), nor while a rule over the limit is taken away again.
    sync: { ...NEVER_SYNCED, lease: syncLease(caller.requestId, deps.now()) },
  };
  try {
    await deps.rules.create(rule);
  } catch (error) {
    if (error instanceof ConflictError)
      throw new ConflictError(`The group "${group.displayName}" has a rule already: someone created it just now.`);
    throw error;
  }
  // The limit was checked before the create; rules created at the same moment may have
  // passed it together. Counting again after the create keeps the limit: any create that
  // finds itself over it takes its rule away again (all of them, if they race: they retry).
  if ((await deps.rules.list(caller.org.id)).length > MAX_GROUP_RULES) {
    await deps.rules.delete(caller.org.id, rule.id);
    throw new ConflictError(
      `Another group rule was saved at the same moment, and an organization can have at most ${MAX_GROUP_RULES}. Try again: if there is still room, your rule is saved.`,
    );
  }
  try {
    // The first sync licenses the whole group or nobody (a seat refusal, with the link).
    const outcome = await syncRule(deps, caller.org, rule.id, {
      holder: caller.requestId,
      members,
      allOrNothing: true,
    });
    return syncResponse(outcome, await ruleViewContext(deps, caller.org));
  } catch (error) {
    // A seat refusal comes before any write: the rule goes again. After any other failure the
    // rule stays (some members may hold its part now) and the next sync carries on.
    if (error instanceof SeatLimitError) await deps.rules.delete(caller.org.id, rule.id);
    throw error;
  }
}
