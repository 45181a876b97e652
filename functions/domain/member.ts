import type { AssignedRole } from "./roles";

/** A licensed role a group rule hands out: any role but None ("Default" follows the org's default role). */
export type GrantRole = Exclude<AssignedRole, "None">;

/** A group rule's part of a member's role: present while the member is in the rule's group. */
export interface RuleGrant {
  ruleId: string;
  /** The rule's group name as shown ("Rule: Engineering"), copied so lists need no second read. */
  ruleName: string;
  role: GrantRole;
}

/** A user's role assignment in one org. Users without a record are unlicensed (None). */
export interface MemberRecord {
  orgId: string;
  /** Azure DevOps user id (GUID): the app token's nameid. */
  userId: string;
  /**
   * The seat role: what the seat ledger counts (domain/role-sources.ts `seatRole` of `direct`
   * and `grants`). Stored so counts and the licensed list are queries over one field.
   */
  role: AssignedRole;
  /** What an administrator assigned (Permissions page, REST API); None when only rules license the member. */
  direct: AssignedRole;
  /** One part per group rule whose group the member is in now. */
  grants: RuleGrant[];
  displayName: string;
  email: string;
  uniqueName: string;
  updatedAt: string;
  updatedBy: string;
  /** The member's Graph subject descriptor, once a group read named it: the next read needs no lookup. */
  descriptor?: string;
  /** When the member last tracked time (a worklog or a timer), ISO; absent if never. */
  lastTrackedAt?: string;
  /** When the member last opened Timetracker, ISO (to the day); absent if never. */
  lastOpenedAt?: string;
}
