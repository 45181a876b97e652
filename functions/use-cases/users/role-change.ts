import type { AuditActor, AuditSurface } from "../../domain/audit";
import type { OrgRecord } from "../../domain/org";
import type { GrantRole } from "../../domain/member";
import type { AssignedRole } from "../../domain/roles";
import type { DirectoryUser } from "../../ports/org-directory";

/** What a role change is made of: who asks, where from, and for whom (apply-role-changes runs it). */
export type RoleChangeInput = DirectRoleChange | RuleGrantChange;

interface ChangeOf {
  userId: string;
  /** Name and e-mail from Azure DevOps: needed for users without a record. */
  profile?: DirectoryUser;
}

/** An administrator assigns a role (Permissions page, REST API, first visit). */
export interface DirectRoleChange extends ChangeOf {
  role: AssignedRole;
}

/** A group rule's part: granted while the user is in its group, null when they left it. */
export interface RuleGrantChange extends ChangeOf {
  rule: { id: string; name: string };
  grant: GrantRole | null;
}

export type RoleChangeOutcome =
  | {
      userId: string;
      ok: true;
      displayName: string;
      email: string;
      from: AssignedRole | null;
      to: AssignedRole;
      changed: boolean;
    }
  | {
      userId: string;
      ok: false;
      message: string;
      /**
       * "no-seat": left out because no seat was free: what did not fit (`fillFreeSeats`), or
       * what a concurrent change took the seats from after the request was checked.
       */
      reason?: "no-seat";
    };

export interface RoleChangeContext {
  org: OrgRecord;
  actor: AuditActor;
  surface: AuditSurface;
  /**
   * Looks up users Timetracker has no record of (in Azure DevOps) and without a profile in
   * the input; ids it does not return are not users of the org and fail.
   */
  lookUp?: (userIds: string[]) => Promise<Map<string, DirectoryUser>>;
  /**
   * The caller's user id when they manage users only through their Timetracker Administrator
   * role (no Project Collection Administrator): a change that would take it from them is
   * refused for them alone, so nobody locks themselves out of user management.
   */
  managesThroughRole?: string;
  /** Only create records: users who have one keep their role (a first visit never demotes). */
  createOnly?: boolean;
  /**
   * Instead of refusing a request that does not fit, apply what fits in input order and leave
   * the rest out (reason "no-seat"): a group rule's sync licenses members up to the free seats.
   */
  fillFreeSeats?: boolean;
  /**
   * The seat hold of a change the page sends in several requests (POST users/roles/holds):
   * this request's batches take their seats from it and leave the rest held for the next.
   */
  seatHold?: string;
  /** Called before each transactional batch is written: a group rule's sync keeps its lease on the rule alive through a long run. */
  beforeBatch?: () => Promise<void>;
}
