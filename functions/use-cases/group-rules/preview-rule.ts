import type { GroupRulePreviewResponse, GroupRuleRequest } from "../../contracts/group-rules";
import { ConflictError, ValidationError } from "../../domain/errors";
import { MAX_GROUP_RULES, ruleName, type RulePerson } from "../../domain/group-rule";
import { effectiveRoleOf, NO_PARTS, seatRole, withRuleGrant } from "../../domain/role-sources";
import { effectiveRole, roleAtLeast, roleLabel } from "../../domain/roles";
import { defaultIsCounted, netSeatsNeeded, type RoleMove } from "../../domain/seats";
import type { DirectoryGroup, GroupUsers } from "../../ports/org-directory";
import { seatImpact } from "../users/seat-impact";
import type { UsersDeps } from "../users/users-deps";
import { GROUP_RULES_NEED_SERVICES, type RuleCaller } from "./rule-caller";
import { readGroup, readGroupAsServiceAccount, RULES_NEED_SERVICE_ACCOUNT } from "./rule-group";
import { ruleIdFor } from "./rule-id";
import { groupView, sampleOf } from "./rule-views";

/**
 * What a new rule would do now, before it is saved: who it licenses, who is new, who it
 * raises, who already has that role or higher, and the seats it needs against the seats free.
 */
export async function previewRule(
  deps: UsersDeps,
  caller: RuleCaller,
  request: GroupRuleRequest,
): Promise<GroupRulePreviewResponse> {
  await refuseUnlessNewRuleFits(deps, caller, request.groupDescriptor);
  if (!caller.credential) {
    // Without a user present (REST), as the rule's syncs will read it: a refused service
    // account token says what to fix, not that the caller's credential was refused.
    const { group, members } = await readGroupAsServiceAccount(deps, caller.org, request.groupDescriptor);
    return previewOf(deps, caller, request, group, members, null);
  }
  // On the page the user's token reads the group; the rule's syncs will need the service
  // account, so without one the preview says the rule cannot be saved yet.
  const [{ group, members }, serviceAccount] = await Promise.all([
    readGroup(deps, caller.org, caller.credential, request.groupDescriptor),
    deps.serviceAccounts.get(caller.org.id),
  ]);
  return previewOf(deps, caller, request, group, members, serviceAccount ? null : RULES_NEED_SERVICE_ACCOUNT);
}

/** Checks a rule for this group may be created: on Services, not one there already, and fewer than the maximum. */
export async function refuseUnlessNewRuleFits(deps: UsersDeps, caller: RuleCaller, descriptor: string): Promise<void> {
  if (caller.deployment === "server") throw new ConflictError(GROUP_RULES_NEED_SERVICES);
  const rules = (await deps.rules.list(caller.org.id)).map((r) => r.value);
  const id = await ruleIdFor(descriptor);
  const existing = rules.find((r) => r.id === id);
  if (existing)
    throw new ConflictError(
      `The group "${ruleName(existing.group)}" has a rule already (role ${existing.role}). Delete that rule first to give the group another role.`,
    );
  if (rules.length >= MAX_GROUP_RULES)
    throw new ValidationError(
      `An organization can have at most ${MAX_GROUP_RULES} group rules. Delete a rule you no longer need, or use a group that contains the others.`,
    );
}

async function previewOf(
  deps: UsersDeps,
  caller: RuleCaller,
  request: GroupRuleRequest,
  group: DirectoryGroup,
  members: GroupUsers,
  saveBlocked: string | null,
): Promise<GroupRulePreviewResponse> {
  const org = caller.org;
  const current = await deps.roster.readMany(org.id, [...members.keys()]);
  const ruleRole = effectiveRole(request.role, org.defaultRole);
  const newly: RulePerson[] = [];
  const raised: RulePerson[] = [];
  const atLeast: RulePerson[] = [];
  const moves: RoleMove[] = [];
  const rule = { id: await ruleIdFor(request.groupDescriptor), name: group.displayName };
  for (const m of [...members.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, "en"))) {
    const record = current.get(m.id)?.value;
    const parts = record ?? NO_PARTS;
    const now = effectiveRoleOf(parts, org.defaultRole);
    const person = { userId: m.id, displayName: m.displayName, email: m.email };
    if (now === "None" && ruleRole !== "None") newly.push(person);
    else if (roleAtLeast(now, ruleRole)) atLeast.push(person);
    else raised.push(person);
    moves.push({ from: record ? record.role : null, to: seatRole(withRuleGrant(parts, rule, request.role)) });
  }
  const impact = await seatImpact(deps, org, netSeatsNeeded(moves, defaultIsCounted(org.defaultRole)));
  return {
    group: groupView({ ...group, descriptor: request.groupDescriptor }),
    role: request.role,
    roleLabel: roleLabel(request.role, org.defaultRole),
    members: members.size,
    newlyLicensed: sampleOf(newly),
    raised: sampleOf(raised),
    alreadyAtLeast: sampleOf(atLeast),
    impact,
    saveBlocked,
  };
}
