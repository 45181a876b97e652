import type { AuditActor, AuditSurface } from "../../domain/audit";
import type { OrgRecord } from "../../domain/org";
import type { AssignedRole } from "../../domain/roles";
import type { DirectoryUser } from "../../ports/org-directory";

/** What a role change is made of: who asks, where from, and for whom (apply-role-changes runs it). */
export interface RoleChangeInput {
  userId: string;
  role: AssignedRole;
  /** Name and e-mail from Azure DevOps: needed for users without a record. */
  profile?: DirectoryUser;
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
  | { userId: string; ok: false; message: string };

export interface RoleChangeContext {
  org: OrgRecord;
  actor: AuditActor;
  surface: AuditSurface;
  /**
   * Looks up users Timetracker has no record of (in Azure DevOps) and without a profile in
   * the input; ids it does not return are not users of the org and fail.
   */
  lookUp?: (userIds: string[]) => Promise<Map<string, DirectoryUser>>;
  /** Only create records: users who have one keep their role (a first visit never demotes). */
  createOnly?: boolean;
}
