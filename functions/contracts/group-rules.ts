import { z } from "zod";
import type { AssignedRole } from "../domain/roles";
import type { SeatImpact } from "./seat-impact";
import type { GroupView, SeatSummary } from "./users";

/**
 * Group rules: licenses that follow an Azure DevOps or Entra group (Organization Settings ›
 * Timetracker Permissions › Group rules, and /api/rest/users/group-rules). A member's role is
 * the highest of their direct assignment and every rule whose group they are in now.
 */

/** At most this many rules per organization. */
export const MAX_GROUP_RULES = 100;
/** A group (nested groups expanded) may have at most this many users. */
export const MAX_RULE_GROUP_MEMBERS = 50_000;
/** Roles a rule can give: every licensed role, or Default (never None: a rule licenses). */
export const RULE_ROLES = ["Default", "Team", "Product", "Budget", "Administrator"] as const satisfies readonly AssignedRole[];
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

/** POST group-rules/{id}/confirm-removals: the held removals the administrator saw. */
export const ConfirmRemovalsRequest = z.strictObject({ count: z.number().int().min(1) });

export interface RulePerson {
  id: string;
  displayName: string;
  email: string;
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

export interface GroupRulesResponse {
  rules: GroupRuleView[];
  seats: SeatSummary;
  /** For PCAs: a rule that cannot be synced (service account missing or expired, a deleted group...). */
  warning: string | null;
}

export interface GroupRulePreview {
  group: GroupView;
  role: RuleRole;
  /** Users in the group now (nested groups expanded). */
  members: number;
  /** Who the rule would license who holds no license now (the first 100). */
  newlyLicensed: RulePerson[];
  newlyLicensedCount: number;
  /** Who already has this role or a higher one (nothing changes for them). */
  alreadyAtLeast: number;
  /** Who gets a higher role than they have (licensed already). */
  raised: number;
  seats: SeatImpact;
}

export interface DeleteRulePreview {
  /** Users who lose their license when the rule goes (no direct assignment, no other rule). */
  losesLicense: number;
  seats: SeatImpact;
}

export interface SyncReport {
  rules: { id: string; name: string; added: number; removed: number; waiting: number; held: number; problem: string | null }[];
}
