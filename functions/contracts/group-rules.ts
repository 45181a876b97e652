import { z } from "zod";
import type { AssignedRole } from "../domain/roles";
import type { GroupView, SeatImpactView, SeatSummary } from "./users";

/**
 * Group rules: licenses that follow an Azure DevOps or Entra group (Organization Settings ›
 * Timetracker Permissions › Group rules). A member's role is the highest of their direct
 * assignment and every rule whose group they are in now. Routes under /api/users/group-rules.
 */

/** Roles a rule can give: every licensed role, or Default (never None: a rule licenses). */
export const RULE_ROLES = [
  "Team",
  "Product",
  "Budget",
  "Administrator",
  "Default",
] as const satisfies readonly AssignedRole[];
export type RuleRole = (typeof RULE_ROLES)[number];

const descriptor = z
  .string({ error: "groupDescriptor is required" })
  .trim()
  .min(3, "groupDescriptor is required")
  .max(512)
  .regex(/^[A-Za-z0-9.+/=_-]+$/, "groupDescriptor is not a Graph descriptor");
const role = z.enum(RULE_ROLES, { error: `role must be one of ${RULE_ROLES.join(", ")} (a rule cannot give None)` });

/** POST group-rules/preview and POST group-rules: the group and the role it gives. */
export const GroupRuleRequest = z.strictObject({ groupDescriptor: descriptor, role });
export type GroupRuleRequest = z.infer<typeof GroupRuleRequest>;

export interface RulePerson {
  id: string;
  displayName: string;
  email: string;
}

/** How many people, and the first of them by name. */
export interface PeopleSample {
  count: number;
  /** The first few (at most 10), in the server's order. */
  sample: RulePerson[];
}

export interface GroupRuleView {
  id: string;
  /** The group's name: how the rule is named ("Rule: Engineering"). */
  name: string;
  group: GroupView;
  role: RuleRole;
  createdAt: string;
  createdBy: { id: string; displayName: string };
  /** Users this rule licenses now. */
  licensed: number;
  /** In the group, but no seat was free: they get one, in this order, when a seat frees. */
  waiting: RulePerson[];
  lastSync: { at: string; added: number; removed: number } | null;
  /** The last sync could not read the group completely: nobody was removed. */
  problem: { message: string; since: string } | null;
  /** A sync would remove more than a fifth of the rule's members (and at least 10): held until confirmed. */
  heldRemovals: { count: number; people: RulePerson[]; since: string } | null;
}

/** GET group-rules, POST group-rules/sync. */
export interface GroupRulesResponse {
  rules: GroupRuleView[];
  seats: SeatSummary;
  /** For PCAs: rules that cannot be synced (service account missing or expired, a deleted group...). */
  warnings: string[];
}

/** POST group-rules/preview: what the rule would do now, decided by the server. */
export interface GroupRulePreviewResponse {
  group: GroupView;
  role: RuleRole;
  /** Users in the group now (nested groups expanded). */
  members: number;
  /** Who the rule would license who holds no license now. */
  newlyLicensed: PeopleSample;
  /** Licensed already, with a lower role: the rule raises it. */
  raised: PeopleSample;
  /** Who already has this role or a higher one (nothing changes for them). */
  alreadyAtLeast: PeopleSample;
  impact: SeatImpactView;
}

/** POST group-rules (201), POST group-rules/{id}/sync and …/confirm-removals. */
export interface GroupRuleSyncResponse {
  rule: GroupRuleView;
  seats: SeatSummary;
  message: string;
}

/** GET group-rules/{id}/delete-preview. */
export interface GroupRuleDeletePreviewResponse {
  /** Users who lose their license when the rule goes (no direct assignment, no other rule). */
  losesLicense: number;
  message: string;
  impact: SeatImpactView;
}

/** DELETE group-rules/{id}. */
export interface DeleteGroupRuleResponse {
  message: string;
  /** Users who lost their license. */
  removed: number;
}
