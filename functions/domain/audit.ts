import type { AssignedRole, Role } from "./roles";

/** Where a role change came from, for the audit trail. */
export const AUDIT_SURFACES = [
  "permissions-page",
  "rest-api",
  "default-role",
  "first-user",
  "auto-default",
  "group-rule",
] as const;
export type AuditSurface = (typeof AUDIT_SURFACES)[number];

export interface AuditActor {
  id: string;
  displayName: string;
  /** For REST API calls: the token that made the change (its id, never its text). */
  tokenId?: string;
}

export interface AuditUser {
  id: string;
  displayName: string;
  email: string;
}

export interface RoleChange {
  user: AuditUser;
  /** null: the user had no record (unlicensed, never seen). */
  from: AssignedRole | null;
  to: AssignedRole;
}

/**
 * One audit entry per stored batch of changes (up to 98 members): who, when, through which
 * surface, and the role changes.
 * A change of the default role has no member changes but `defaultRole` from/to.
 */
export interface AuditEntry {
  id: string;
  orgId: string;
  at: string;
  actor: AuditActor;
  surface: AuditSurface;
  changes: RoleChange[];
  defaultRole?: { from: Role; to: Role };
}
