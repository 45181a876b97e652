import type { GroupRuleView, PeopleSample, PersonRef, RuleGroupView } from "../../contracts/group-rules";
import { ruleName, type GroupRuleRecord, type RuleGroup, type RulePerson } from "../../domain/group-rule";
import { planState, seatLimit } from "../../domain/access";
import type { OrgRecord } from "../../domain/org";
import type { Role } from "../../domain/roles";
import { roleLabel } from "../../domain/roles";
import { ensureLedger, seatsTaken } from "../users/seat-ledger";
import { subscriptionPageUrl } from "../users/subscription-link";
import type { UsersDeps } from "../users/users-deps";

/** People shown by name in a preview or on a rule; the count covers everyone. */
const SAMPLE_SIZE = 50;

export function personRef(p: RulePerson): PersonRef {
  return { id: p.userId, displayName: p.displayName, email: p.email };
}

export function sampleOf(people: readonly RulePerson[], count = people.length): PeopleSample {
  return { count, people: people.slice(0, SAMPLE_SIZE).map(personRef) };
}

/**
 * Azure DevOps reads an Entra group's members from Entra about once an hour, and Entra may
 * take up to 24 hours to update a dynamic group (Microsoft's note on group rules): a sync
 * sees a change only after that, and an administrator who just added someone should know.
 */
const ENTRA_MEMBERSHIP_NOTE =
  "Changes to this Microsoft Entra group reach Azure DevOps within about an hour (a dynamic group's within 24 hours); the rule follows at the first sync after that.";

export function groupView(group: RuleGroup): RuleGroupView {
  const entra = group.origin.toLowerCase() === "aad";
  return {
    descriptor: group.descriptor,
    displayName: ruleName(group),
    principalName: group.principalName,
    source: entra ? "Microsoft Entra ID" : "Azure DevOps",
    membershipNote: entra ? ENTRA_MEMBERSHIP_NOTE : null,
  };
}

/** What every rule of one response is viewed against: the default role, and the seats as the ledger has them now. */
export interface RuleViewContext {
  defaultRole: Role;
  /** Null without a seat limit (trial): nobody waits for want of a plan's seats. */
  seats: { taken: number; limit: number; subscriptionUrl: (users: number) => string } | null;
}

/** One point read of the seat ledger for a whole list of rules. */
export async function ruleViewContext(deps: UsersDeps, org: OrgRecord): Promise<RuleViewContext> {
  const limit = seatLimit(planState(org, deps.now()));
  if (limit === null) return { defaultRole: org.defaultRole, seats: null };
  const ledger = (await ensureLedger(deps, org)).value;
  return {
    defaultRole: org.defaultRole,
    seats: {
      taken: seatsTaken(ledger, deps.now()),
      limit,
      subscriptionUrl: (users) => subscriptionPageUrl(deps.settings, org.name, users),
    },
  };
}

/** Users the plan must be for so everyone waiting on `waiting` gets a seat, when it is not that big already. */
function addSeats(waiting: number, seats: RuleViewContext["seats"]): GroupRuleView["sync"]["addSeats"] {
  if (waiting === 0 || seats === null) return null;
  const usersNeeded = seats.taken + waiting;
  if (usersNeeded <= seats.limit) return null;
  return { seatsMissing: usersNeeded - seats.limit, usersNeeded, subscriptionUrl: seats.subscriptionUrl(usersNeeded) };
}

export function ruleView(rule: GroupRuleRecord, ctx: RuleViewContext): GroupRuleView {
  const { defaultRole } = ctx;
  const s = rule.sync;
  const status = s.heldRemovals ? "held" : s.problem ? "failing" : s.lastSuccessAt ? "ok" : "never";
  return {
    id: rule.id,
    group: groupView(rule.group),
    role: rule.role,
    roleLabel: roleLabel(rule.role, defaultRole),
    createdAt: rule.createdAt,
    createdBy: rule.createdBy,
    licensed: s.holders,
    sync: {
      status,
      lastRunAt: s.lastRunAt,
      lastSuccessAt: s.lastSuccessAt,
      groupMembers: s.groupMembers,
      problem: s.problem,
      waiting: sampleOf(s.waiting, s.waitingCount),
      addSeats: addSeats(s.waitingCount, ctx.seats),
      heldRemovals: s.heldRemovals
        ? { ...sampleOf(s.heldRemovals.sample, s.heldRemovals.count), since: s.heldRemovals.since }
        : null,
    },
  };
}
