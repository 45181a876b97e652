import { ConfirmRemovalsRequest, GroupRuleRequest, RuleIdParam } from "../../contracts/group-rules";
import { parseWith, readJson } from "../../http/json-body";
import { defineRoute, json } from "../../http/route";
import type { Services } from "../../app/services";
import type { Caller } from "../../auth/caller";
import { createRule } from "../../use-cases/group-rules/create-rule";
import { deleteRule, previewRuleDeletion } from "../../use-cases/group-rules/delete-rule";
import { listRules } from "../../use-cases/group-rules/list-rules";
import { previewRule } from "../../use-cases/group-rules/preview-rule";
import type { RuleCaller } from "../../use-cases/group-rules/rule-caller";
import { confirmRemovals, syncAllRules, syncOneRule } from "../../use-cases/group-rules/sync-now";
import type { UsersDeps } from "../../use-cases/users/users-deps";
import { managerRequest } from "./users-request";

/** Organization Settings › Timetracker Permissions › Group rules: Administrators and PCAs (403 otherwise). */
async function ruleRequest(services: Services, caller: Caller): Promise<{ deps: UsersDeps; rules: RuleCaller }> {
  const { deps, manager } = await managerRequest(services, caller);
  return {
    deps,
    rules: {
      org: manager.access.org.value,
      actor: manager.actor,
      credential: { kind: "bearer", token: caller.accessToken },
      isPca: manager.isPca,
      requestId: deps.newId(),
      deployment: caller.deployment,
    },
  };
}

const ruleId = (params: Record<string, string | undefined>) => parseWith(RuleIdParam, params.id ?? "", "rule id");

defineRoute("users-group-rules-list", {
  methods: ["GET"],
  route: "users/group-rules",
  auth: "user",
  handler: async ({ services, caller }) => {
    const { deps, rules } = await ruleRequest(services, caller);
    return json(await listRules(deps, rules));
  },
});

defineRoute("users-group-rules-preview", {
  methods: ["POST"],
  route: "users/group-rules/preview",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, rules } = await ruleRequest(services, caller);
    return json(await previewRule(deps, rules, await readJson(request, GroupRuleRequest)));
  },
});

defineRoute("users-group-rules-create", {
  methods: ["POST"],
  route: "users/group-rules",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, rules } = await ruleRequest(services, caller);
    return json(await createRule(deps, rules, await readJson(request, GroupRuleRequest)), 201);
  },
});

defineRoute("users-group-rules-sync-all", {
  methods: ["POST"],
  route: "users/group-rules/sync",
  auth: "user",
  handler: async ({ services, caller }) => {
    const { deps, rules } = await ruleRequest(services, caller);
    return json(await syncAllRules(deps, rules));
  },
});

defineRoute("users-group-rules-delete-preview", {
  methods: ["GET"],
  route: "users/group-rules/{id}/delete-preview",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, rules } = await ruleRequest(services, caller);
    return json(await previewRuleDeletion(deps, rules, ruleId(request.params)));
  },
});

defineRoute("users-group-rules-delete", {
  methods: ["DELETE"],
  route: "users/group-rules/{id}",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, rules } = await ruleRequest(services, caller);
    return json(await deleteRule(deps, rules, ruleId(request.params)));
  },
});

defineRoute("users-group-rules-sync", {
  methods: ["POST"],
  route: "users/group-rules/{id}/sync",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, rules } = await ruleRequest(services, caller);
    return json(await syncOneRule(deps, rules, ruleId(request.params)));
  },
});

defineRoute("users-group-rules-confirm-removals", {
  methods: ["POST"],
  route: "users/group-rules/{id}/confirm-removals",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, rules } = await ruleRequest(services, caller);
    const body = await readJson(request, ConfirmRemovalsRequest);
    return json(await confirmRemovals(deps, rules, ruleId(request.params), body));
  },
});
