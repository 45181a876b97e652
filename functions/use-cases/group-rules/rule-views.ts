import type { GroupRuleView, PeopleSample, PersonRef, RuleGroupView } from "../../contracts/group-rules";
import { ruleName, type GroupRuleRecord, type RuleGroup, type RulePerson } from "../../domain/group-rule";
import type { Role } from "../../domain/roles";
import { roleLabel } from "../../domain/roles";

/** People shown by name in a preview or on a rule; the count covers everyone. */
const SAMPLE_SIZE = 50;

export function personRef(p: RulePerson): PersonRef {
  return { id: p.userId, displayName: p.displayName, email: p.email };
}

export function sampleOf(people: readonly RulePerson[], count = people.length): PeopleSample {
  return { count, people: people.slice(0, SAMPLE_SIZE).map(personRef) };
}

export function groupView(group: RuleGroup): RuleGroupView {
  return {
    descriptor: group.descriptor,
    displayName: ruleName(group),
    principalName: group.principalName,
    source: group.origin.toLowerCase() === "aad" ? "Microsoft Entra ID" : "Azure DevOps",
  };
}

export function ruleView(rule: GroupRuleRecord, defaultRole: Role): GroupRuleView {
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
      heldRemovals: s.heldRemovals
        ? { ...sampleOf(s.heldRemovals.sample, s.heldRemovals.count), since: s.heldRemovals.since }
        : null,
    },
  };
}
