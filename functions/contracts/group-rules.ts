import { z } from "zod";
import type { GrantRole } from "../domain/member";
import type { SeatImpactView } from "./users";

/**
 * HTTP contracts of group rules (Organization Settings › Timetracker Permissions › Group
 * rules, and /api/rest/users/group-rules). A rule licenses the members of an Azure DevOps or
 * Entra group, nested groups expanded, with one role; a sync follows the group's changes.
 */

/** Roles a rule may give: every role that holds a license, or Default (the org's default role). */
export const RULE_ROLES = [
  "Default",
  "Team",
  "Product",
  "Budget",
  "Administrator",
] as const satisfies readonly GrantRole[];

const descriptor = z
  .string({ error: "groupDescriptor is required: pick a group" })
  .trim()
  .min(3, "groupDescriptor is required: pick a group")
  .max(512, "groupDescriptor is too long")
  .regex(/^[A-Za-z0-9.+/=_-]+$/, "groupDescriptor is not a Graph descriptor");

/** Create a rule, or preview what creating it would do. */
export const GroupRuleRequest = z.strictObject({
  groupDescriptor: descriptor,
  role: z.enum(RULE_ROLES, {
    error: `role must be one of ${RULE_ROLES.join(", ")} (a rule cannot give None: delete the rule instead)`,
  }),
});
export type GroupRuleRequest = z.infer<typeof GroupRuleRequest>;

/** Confirms the removals a sync held back: the number shown, so a larger one is held again. */
export const ConfirmRemovalsRequest = z.strictObject({
  count: z.number({ error: "count must be the number of removals shown" }).int().min(1),
});
export type ConfirmRemovalsRequest = z.infer<typeof ConfirmRemovalsRequest>;

export const RuleIdParam = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,80}$/, "is not a rule id");

export interface PersonRef {
  id: string;
  displayName: string;
  email: string;
}

/** A few of a list of people, with the whole list's count. */
export interface PeopleSample {
  count: number;
  people: PersonRef[];
}

export interface RuleGroupView {
  descriptor: string;
  displayName: string;
  principalName: string;
  /** "Azure DevOps" or "Microsoft Entra ID". */
  source: string;
  /**
   * When a change to the group's members reaches Azure DevOps only later (an Entra group's, as
   * Microsoft documents it), and so the rule; null when Azure DevOps has it at once.
   */
  membershipNote: string | null;
}

export type RuleSyncStatus = "never" | "ok" | "failing" | "held";

export interface GroupRuleView {
  id: string;
  group: RuleGroupView;
  role: GrantRole;
  /** "Default (Team)" or the role. */
  roleLabel: string;
  createdAt: string;
  createdBy: { id: string; displayName: string };
  /** Members who hold this rule's part now. */
  licensed: number;
  sync: {
    status: RuleSyncStatus;
    lastRunAt: string | null;
    lastSuccessAt: string | null;
    /** Members of the group at the last complete read. */
    groupMembers: number | null;
    /** Why the last sync could not read the group completely, and since when it fails. */
    problem: { message: string; since: string } | null;
    /** Members with no free seat, in the order they get one. */
    waiting: PeopleSample;
    /**
     * The seats the waiting members need beyond the plan's, and the Subscription page with that
     * many users filled in; null when nobody waits or the plan's seats already cover them.
     */
    addSeats: { seatsMissing: number; usersNeeded: number; subscriptionUrl: string } | null;
    /** Removals held until an administrator confirms them (more than a fifth, and at least 10). */
    heldRemovals: (PeopleSample & { since: string }) | null;
  };
}

export interface GroupRulesResponse {
  rules: GroupRuleView[];
  /** At most this many rules per organization. */
  maxRules: number;
  /** Problems a Project Collection Administrator should see on the Permissions page. */
  warnings: string[];
  /** Why no rule can be added here (Azure DevOps Server), in words to show; null where rules can be added. */
  unavailable: string | null;
}

/** POST users/group-rules/sync: the rules after every one was synced, and what that did in words. */
export interface GroupRulesSyncResponse extends GroupRulesResponse {
  added: number;
  removed: number;
  /** "2 rules synced: 4 members got their rule's role, 1 lost it. 3 members wait for a seat." */
  message: string;
}

export interface GroupRulePreviewResponse {
  group: RuleGroupView;
  role: GrantRole;
  roleLabel: string;
  /** Members of the group now, nested groups expanded. */
  members: number;
  /** Who the rule licenses that has no license now. */
  newlyLicensed: PeopleSample;
  /** Licensed now with a lower role: the rule raises them. */
  raised: PeopleSample;
  /** Who already has that role or higher. */
  alreadyAtLeast: PeopleSample;
  impact: SeatImpactView;
  /**
   * Why the rule cannot be saved now although it could be previewed (no service account is
   * saved, and its syncs would have nothing to read the group with); null when it can.
   */
  saveBlocked: string | null;
}

export interface GroupRuleDeletePreviewResponse {
  ruleId: string;
  /** Members who lose their license: the rule was their only license. */
  loseLicense: PeopleSample;
  /** Members who keep a license from a direct assignment or another rule. */
  keep: number;
  message: string;
  impact: SeatImpactView;
}

export interface GroupRuleSyncResponse {
  rule: GroupRuleView;
  added: number;
  removed: number;
  message: string;
}
