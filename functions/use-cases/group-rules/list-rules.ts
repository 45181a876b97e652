import type { GroupRulesResponse } from "../../contracts/group-rules";
import { MAX_GROUP_RULES, ruleName, type GroupRuleRecord } from "../../domain/group-rule";
import type { UsersDeps } from "../users/users-deps";
import { GROUP_RULES_NEED_SERVICES, type RuleCaller } from "./rule-caller";
import { ruleView, ruleViewContext, type RuleViewContext } from "./rule-views";

export async function listRules(deps: UsersDeps, caller: RuleCaller): Promise<GroupRulesResponse> {
  const rules = (await deps.rules.list(caller.org.id)).map((r) => r.value).filter((r) => !r.deleting);
  return rulesResponse(rules, caller, await ruleViewContext(deps, caller.org));
}

export function rulesResponse(rules: GroupRuleRecord[], caller: RuleCaller, ctx: RuleViewContext): GroupRulesResponse {
  return {
    rules: rules.map((r) => ruleView(r, ctx)),
    maxRules: MAX_GROUP_RULES,
    warnings: caller.isPca ? rules.flatMap(warningOf) : [],
    unavailable: caller.deployment === "server" ? GROUP_RULES_NEED_SERVICES : null,
  };
}

function warningOf(rule: GroupRuleRecord): string[] {
  const name = ruleName(rule.group);
  const { problem, heldRemovals } = rule.sync;
  const warnings: string[] = [];
  if (problem)
    warnings.push(
      `The group rule "${name}" cannot read its group since ${problem.since.slice(0, 16).replace("T", " ")} UTC: ${problem.message} Nobody is removed until it can.`,
    );
  if (heldRemovals)
    warnings.push(
      `The group rule "${name}" holds ${heldRemovals.count} removals until an administrator confirms them on the Group rules tab.`,
    );
  return warnings;
}
