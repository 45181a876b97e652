import { RULE_ROLES } from "../../contracts/group-rules";
import { MAX_GROUP_RULES, MAX_RULE_GROUP_MEMBERS } from "../../domain/group-rule";

/**
 * The group rules part of the REST API's OpenAPI document (/api/rest/users/group-rules),
 * beside the contract it describes (contracts/group-rules.ts). The integration tests validate
 * real answers against these schemas.
 */
const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const ok = (description: string, schema: string) => ({
  description,
  content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } },
});
const ruleIdParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "The rule's id (from the list).",
  schema: { type: "string", pattern: "^[a-z0-9-]{1,80}$" },
};
const common = (tooMany: unknown) => ({
  "401": errorResponse("No token, or a token that is not valid (revoked)."),
  "403": errorResponse("The token's owner may no longer manage users."),
  "429": tooMany,
});
const ruleBody = {
  required: true,
  content: { "application/json": { schema: { $ref: "#/components/schemas/GroupRuleRequest" } } },
};

export function groupRulePaths(tooMany: unknown): Record<string, unknown> {
  return {
    "/rest/users/group-rules": {
      get: {
        operationId: "listGroupRules",
        summary: "Group rules and the state of their last sync",
        responses: { "200": ok("The organization's rules.", "GroupRules"), ...common(tooMany) },
      },
      post: {
        operationId: "createGroupRule",
        summary: "Create a group rule and run its first sync",
        description:
          "The group is read with the organization's service account (as every sync will). Members beyond the free seats wait for a seat. " +
          `At most ${MAX_GROUP_RULES} rules per organization, one per group, and at most ${MAX_RULE_GROUP_MEMBERS.toLocaleString("en")} users in a group.`,
        requestBody: ruleBody,
        responses: {
          "201": ok("The rule after its first sync.", "GroupRuleSync"),
          "400": errorResponse(
            "The body is not valid, the group is too large, or the organization has the maximum of rules.",
          ),
          "404": errorResponse("Azure DevOps has no such group, or the service account cannot see it."),
          "409": errorResponse(
            "The group has a rule already, the group does not fit the free seats (seat_limit: nothing was written), the service account is not configured, or Azure DevOps refused its token (expired, or without Graph and Identity read): the message says what to fix.",
          ),
          ...common(tooMany),
        },
      },
    },
    "/rest/users/group-rules/preview": {
      post: {
        operationId: "previewGroupRule",
        summary: "What a new rule would do now, without saving it",
        requestBody: ruleBody,
        responses: {
          "200": ok("Who the rule licenses, who is new, and the seats it needs.", "GroupRulePreview"),
          "400": errorResponse("The body is not valid, or the group is too large."),
          "404": errorResponse("Azure DevOps has no such group, or the service account cannot see it."),
          "409": errorResponse(
            "The group has a rule already, the service account is not configured, or Azure DevOps refused its token (expired, or without Graph and Identity read): the message says what to fix.",
          ),
          ...common(tooMany),
        },
      },
    },
    "/rest/users/group-rules/sync": {
      post: {
        operationId: "syncGroupRules",
        summary: "Sync every rule now",
        responses: {
          "200": ok("The rules after their sync, and what it did (added, removed, and in words).", "GroupRulesSync"),
          ...common(tooMany),
        },
      },
    },
    "/rest/users/group-rules/{id}": {
      delete: {
        operationId: "deleteGroupRule",
        summary: "Delete a rule: its members lose the rule's part (and their license when it was their only one)",
        parameters: [ruleIdParameter],
        responses: {
          "200": {
            description: "Deleted.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["message", "removed"],
                  properties: { message: { type: "string" }, removed: { type: "integer" } },
                },
              },
            },
          },
          "404": errorResponse("There is no such rule."),
          "409": errorResponse("A sync of the rule is running; try again in a minute."),
          ...common(tooMany),
        },
      },
    },
    "/rest/users/group-rules/{id}/sync": {
      post: {
        operationId: "syncGroupRule",
        summary: "Sync one rule now",
        description:
          "A sync that cannot read the group completely removes nobody and records the problem on the rule. " +
          "Removals of more than a fifth of the rule's members (and at least 10 people) are held until an administrator confirms them on the Permissions page.",
        parameters: [ruleIdParameter],
        responses: {
          "200": ok("The rule after the sync.", "GroupRuleSync"),
          "404": errorResponse("There is no such rule."),
          "409": errorResponse("A sync of the rule is running already."),
          ...common(tooMany),
        },
      },
    },
  };
}

const people = {
  type: "object",
  required: ["count", "people"],
  properties: {
    count: { type: "integer" },
    people: {
      type: "array",
      description: "The first 50, by name.",
      items: {
        type: "object",
        required: ["id", "displayName", "email"],
        properties: { id: { type: "string" }, displayName: { type: "string" }, email: { type: "string" } },
      },
    },
  },
};
const group = {
  type: "object",
  required: ["descriptor", "displayName", "principalName", "source", "membershipNote"],
  properties: {
    descriptor: { type: "string" },
    displayName: { type: "string" },
    principalName: { type: "string" },
    source: { type: "string", enum: ["Azure DevOps", "Microsoft Entra ID"] },
    membershipNote: {
      type: "string",
      nullable: true,
      description:
        "When changes to the group's members reach Azure DevOps only later (Microsoft Entra groups), and so the rule; null for Azure DevOps groups.",
    },
  },
};
const money = {
  type: "object",
  nullable: true,
  required: ["amount", "currency", "text"],
  properties: { amount: { type: "number" }, currency: { type: "string" }, text: { type: "string" } },
};
const impact = {
  type: "object",
  required: [
    "seatsNeeded",
    "seatsFree",
    "fits",
    "seatsMissing",
    "costOfMissingSeats",
    "monthlySaving",
    "summary",
    "subscriptionUrl",
    "usersNeeded",
    "costText",
    "savingText",
  ],
  properties: {
    seatsNeeded: { type: "integer", description: "Net seats the rule takes (negative: frees)." },
    seatsFree: { type: "integer", nullable: true, description: "null while unlimited (trial)." },
    fits: { type: "boolean" },
    seatsMissing: { type: "integer" },
    costOfMissingSeats: { ...money, description: "What adding the missing seats costs now (Chargebee's estimate)." },
    monthlySaving: { ...money, description: "What freed seats save per month once the subscription is lowered." },
    summary: {
      type: "string",
      description: '"Uses 4 of 6 free seats", "Needs 2 more seats than are free (1 of 5 free)".',
    },
    subscriptionUrl: { type: "string", description: "The Subscription page with the users the rule needs filled in." },
    usersNeeded: { type: "integer", nullable: true },
    costText: { type: "string", nullable: true },
    savingText: { type: "string", nullable: true },
  },
};
const role = { type: "string", enum: [...RULE_ROLES] };

export const groupRuleSchemas: Record<string, unknown> = {
  GroupRuleRequest: {
    type: "object",
    required: ["groupDescriptor", "role"],
    additionalProperties: false,
    properties: {
      groupDescriptor: { type: "string", description: "The group's Graph descriptor (vssgp.… or aadgp.…)." },
      role: { ...role, description: "Default follows the organization's default role. None is not a rule's role." },
    },
  },
  GroupRule: {
    type: "object",
    required: ["id", "group", "role", "roleLabel", "createdAt", "createdBy", "licensed", "sync"],
    properties: {
      id: { type: "string" },
      group,
      role,
      roleLabel: { type: "string" },
      createdAt: { type: "string", format: "date-time" },
      createdBy: {
        type: "object",
        required: ["id", "displayName"],
        properties: { id: { type: "string" }, displayName: { type: "string" } },
      },
      licensed: { type: "integer", description: "Members holding this rule's part." },
      sync: {
        type: "object",
        required: [
          "status",
          "lastRunAt",
          "lastSuccessAt",
          "groupMembers",
          "problem",
          "waiting",
          "addSeats",
          "heldRemovals",
        ],
        properties: {
          status: { type: "string", enum: ["never", "ok", "failing", "held"] },
          lastRunAt: { type: "string", format: "date-time", nullable: true },
          lastSuccessAt: { type: "string", format: "date-time", nullable: true },
          groupMembers: { type: "integer", nullable: true },
          problem: {
            type: "object",
            nullable: true,
            required: ["message", "since"],
            properties: { message: { type: "string" }, since: { type: "string", format: "date-time" } },
          },
          waiting: { ...people, description: "Members with no free seat, in the order they get one." },
          addSeats: {
            type: "object",
            nullable: true,
            description:
              "The seats the waiting members need beyond the plan's, and the Subscription page with that many users filled in; null when nobody waits or the plan's seats cover them.",
            required: ["seatsMissing", "usersNeeded", "subscriptionUrl"],
            properties: {
              seatsMissing: { type: "integer" },
              usersNeeded: { type: "integer" },
              subscriptionUrl: { type: "string" },
            },
          },
          heldRemovals: {
            ...people,
            nullable: true,
            required: ["count", "people", "since"],
            properties: { ...people.properties, since: { type: "string", format: "date-time" } },
          },
        },
      },
    },
  },
  GroupRules: {
    type: "object",
    required: ["rules", "maxRules", "warnings", "unavailable"],
    properties: {
      rules: { type: "array", items: { $ref: "#/components/schemas/GroupRule" } },
      maxRules: { type: "integer" },
      warnings: { type: "array", items: { type: "string" } },
      unavailable: {
        type: "string",
        nullable: true,
        description: "Why no rule can be added here (Azure DevOps Server); null where rules can be added.",
      },
    },
  },
  GroupRulesSync: {
    allOf: [
      { $ref: "#/components/schemas/GroupRules" },
      {
        type: "object",
        required: ["added", "removed", "message"],
        properties: {
          added: { type: "integer", description: "Members who got a rule's role, over every rule." },
          removed: { type: "integer", description: "Members who lost a rule's role, over every rule." },
          message: { type: "string" },
        },
      },
    ],
  },
  GroupRuleSync: {
    type: "object",
    required: ["rule", "added", "removed", "message"],
    properties: {
      rule: { $ref: "#/components/schemas/GroupRule" },
      added: { type: "integer" },
      removed: { type: "integer" },
      message: { type: "string" },
    },
  },
  GroupRulePreview: {
    type: "object",
    required: [
      "group",
      "role",
      "roleLabel",
      "members",
      "newlyLicensed",
      "raised",
      "alreadyAtLeast",
      "impact",
      "saveBlocked",
    ],
    properties: {
      group,
      role,
      roleLabel: { type: "string" },
      members: { type: "integer" },
      newlyLicensed: people,
      raised: people,
      alreadyAtLeast: people,
      impact,
      saveBlocked: {
        type: "string",
        nullable: true,
        description:
          "Why the rule cannot be saved now; always null here (the REST API reads with the service account).",
      },
    },
  },
};
