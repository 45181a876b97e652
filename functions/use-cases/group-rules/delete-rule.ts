import type { GroupRuleDeletePreviewResponse } from "../../contracts/group-rules";
import { ConflictError, NotFoundError, PreconditionFailedError } from "../../domain/errors";
import { ruleName, type GroupRuleRecord } from "../../domain/group-rule";
import { plural } from "../../domain/plural";
import { retryOnConflict } from "../../domain/retry-on-conflict";
import { effectiveRoleOf, seatRole, withRuleGrant } from "../../domain/role-sources";
import { isLicensed } from "../../domain/roles";
import { defaultIsCounted, netSeatsNeeded } from "../../domain/seats";
import type { Versioned } from "../../ports/versioned";
import { applyRoleChanges } from "../users/apply-role-changes";
import { seatImpact } from "../users/seat-impact";
import type { UsersDeps } from "../users/users-deps";
import type { RuleCaller } from "./rule-caller";
import { sampleOf } from "./rule-views";
import { ruleActor, SYNC_RUNNING } from "./sync-rule";

const NO_SUCH_RULE = "There is no such group rule: it may have been deleted already.";

/** What deleting a rule would do: who loses their license (the rule was their only one), who keeps one. */
export async function previewRuleDeletion(
  deps: UsersDeps,
  caller: RuleCaller,
  ruleId: string,
): Promise<GroupRuleDeletePreviewResponse> {
  const rule = await deps.rules.get(caller.org.id, ruleId);
  if (!rule || rule.value.deleting) throw new NotFoundError(NO_SUCH_RULE);
  const holders = await deps.roster.withRule(caller.org.id, ruleId);
  const ref = { id: ruleId, name: ruleName(rule.value.group) };
  const after = holders.map((m) => ({ member: m, parts: withRuleGrant(m, ref, null) }));
  const losing = after
    .filter((a) => !isLicensed(effectiveRoleOf(a.parts, caller.org.defaultRole)))
    .map((a) => a.member);
  const moves = after.map((a) => ({ from: a.member.role, to: seatRole(a.parts) }));
  const impact = await seatImpact(deps, caller.org, netSeatsNeeded(moves, defaultIsCounted(caller.org.defaultRole)));
  return {
    ruleId,
    loseLicense: sampleOf(losing.sort((a, b) => a.displayName.localeCompare(b.displayName, "en"))),
    keep: holders.length - losing.length,
    message:
      losing.length === 0
        ? `Nobody loses their license: ${plural(holders.length, "member")} ${holders.length === 1 ? "keeps" : "keep"} one from a direct assignment or another rule.`
        : `${plural(losing.length, "user")} ${losing.length === 1 ? "loses" : "lose"} their license and ${losing.length === 1 ? "becomes" : "become"} None.`,
    impact,
  };
}

/**
 * Deletes a rule: first marks it (no sync adds its part any more), then takes its part from
 * every member through the seat-checked write path, then removes the rule. If that is cut
 * short, the sync timer finishes the deletion (`finishDeletion`).
 */
export async function deleteRule(
  deps: UsersDeps,
  caller: RuleCaller,
  ruleId: string,
): Promise<{ message: string; removed: number }> {
  const marked = await markDeleting(deps, caller.org.id, ruleId, caller.requestId);
  const removed = await finishDeletion(deps, caller.org, marked.value);
  return {
    message: `The rule for "${ruleName(marked.value.group)}" is deleted; ${plural(removed, "member")} no longer ${removed === 1 ? "has" : "have"} its role.`,
    removed,
  };
}

/** Takes the rule's part from everyone who holds it, then removes the rule. */
export async function finishDeletion(deps: UsersDeps, org: RuleCaller["org"], rule: GroupRuleRecord): Promise<number> {
  const holders = await deps.roster.withRule(org.id, rule.id);
  const ref = { id: rule.id, name: ruleName(rule.group) };
  const outcomes = await applyRoleChanges(
    deps,
    { org, ...ruleActor(rule) },
    holders.map((m) => ({ userId: m.userId, rule: ref, grant: null })),
  );
  if (outcomes.some((o) => !o.ok))
    throw new ConflictError(
      "Some members kept changing while the rule was deleted. Try again: the rule stays marked for deletion.",
    );
  // The index goes first: a deletion cut short after it leaves the rule marked, and is finished again.
  await deps.ruleHolders.delete(org.id, rule.id);
  await deps.rules.delete(org.id, rule.id);
  return outcomes.filter((o) => o.ok && o.changed).length;
}

async function markDeleting(
  deps: UsersDeps,
  orgId: string,
  ruleId: string,
  holder: string,
): Promise<Versioned<GroupRuleRecord>> {
  return retryOnConflict({ attempts: 5, isConflict: (e) => e instanceof PreconditionFailedError }, async () => {
    const current = await deps.rules.get(orgId, ruleId);
    if (!current) throw new NotFoundError(NO_SUCH_RULE);
    const { lease } = current.value.sync;
    if (!current.value.deleting && lease && lease.holder !== holder && Date.parse(lease.until) > deps.now().getTime())
      throw new ConflictError(SYNC_RUNNING);
    return deps.rules.replace({ ...current.value, deleting: true }, current.etag);
  });
}
