import { GroupRuleRequest, RuleIdParam } from "../../contracts/group-rules";
import { parseWith, readJson } from "../../http/json-body";
import { restTokenOf } from "../../http/rest-token";
import { defineRoute, json } from "../../http/route";
import type { HttpRequest } from "@azure/functions";
import type { Services } from "../../app/services";
import { createRule } from "../../use-cases/group-rules/create-rule";
import { deleteRule } from "../../use-cases/group-rules/delete-rule";
import { listRules } from "../../use-cases/group-rules/list-rules";
import { previewRule } from "../../use-cases/group-rules/preview-rule";
import { restRuleCaller, type RuleCaller } from "../../use-cases/group-rules/rule-caller";
import { syncAllRules, syncOneRule } from "../../use-cases/group-rules/sync-now";
import { authenticateRestToken } from "../../use-cases/users/rest-auth";
import type { UsersDeps } from "../../use-cases/users/users-deps";

/** Group rules for automation (/api/rest/users/group-rules), with the REST API's tokens and rate limits. */
async function restRuleRequest(
  services: Services,
  request: HttpRequest,
): Promise<{ deps: UsersDeps; rules: RuleCaller }> {
  const deps = services.users;
  const principal = await authenticateRestToken(deps, restTokenOf(request));
  return { deps, rules: await restRuleCaller(deps, principal) };
}

const ruleId = (request: HttpRequest) => parseWith(RuleIdParam, request.params.id ?? "", "rule id");

defineRoute("rest-group-rules-list", {
  methods: ["GET"],
  route: "rest/users/group-rules",
  auth: "custom",
  handler: async ({ request, services }) => {
    const { deps, rules } = await restRuleRequest(services, request);
    return json(await listRules(deps, rules));
  },
});

defineRoute("rest-group-rules-create", {
  methods: ["POST"],
  route: "rest/users/group-rules",
  auth: "custom",
  handler: async ({ request, services }) => {
    const { deps, rules } = await restRuleRequest(services, request);
    return json(await createRule(deps, rules, await readJson(request, GroupRuleRequest)), 201);
  },
});

defineRoute("rest-group-rules-preview", {
  methods: ["POST"],
  route: "rest/users/group-rules/preview",
  auth: "custom",
  handler: async ({ request, services }) => {
    const { deps, rules } = await restRuleRequest(services, request);
    return json(await previewRule(deps, rules, await readJson(request, GroupRuleRequest)));
  },
});

defineRoute("rest-group-rules-sync-all", {
  methods: ["POST"],
  route: "rest/users/group-rules/sync",
  auth: "custom",
  handler: async ({ request, services }) => {
    const { deps, rules } = await restRuleRequest(services, request);
    return json(await syncAllRules(deps, rules));
  },
});

defineRoute("rest-group-rules-delete", {
  methods: ["DELETE"],
  route: "rest/users/group-rules/{id}",
  auth: "custom",
  handler: async ({ request, services }) => {
    const { deps, rules } = await restRuleRequest(services, request);
    return json(await deleteRule(deps, rules, ruleId(request)));
  },
});

defineRoute("rest-group-rules-sync", {
  methods: ["POST"],
  route: "rest/users/group-rules/{id}/sync",
  auth: "custom",
  handler: async ({ request, services }) => {
    const { deps, rules } = await restRuleRequest(services, request);
    return json(await syncOneRule(deps, rules, ruleId(request)));
  },
});
