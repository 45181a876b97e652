import { MAX_CHANGES_PER_ENTRY, type AuditActor, type AuditEntry, type AuditSurface, type RoleChange } from "../../domain/audit";
import { chunk } from "../../domain/chunk";
import type { Role } from "../../domain/roles";
import type { AuditPage } from "../../ports/audit-log";
import type { UsersDeps } from "./users-deps";

interface AuditContext {
  org: { id: string };
  actor: AuditActor;
  surface: AuditSurface;
}

/** One audit entry per 500 member changes of a request (bulk writes, like the members). */
export async function recordRoleChanges(deps: UsersDeps, ctx: AuditContext, changes: readonly RoleChange[]): Promise<void> {
  if (changes.length === 0) return;
  const at = deps.s.now().toISOString();
  const entries: AuditEntry[] = chunk(changes, MAX_CHANGES_PER_ENTRY).map((part) => ({
    id: deps.newId(),
    orgId: ctx.org.id,
    at,
    actor: ctx.actor,
    surface: ctx.surface,
    changes: part,
  }));
  await deps.audit.append(entries);
}

export async function recordDefaultRoleChange(deps: UsersDeps, ctx: AuditContext, from: Role, to: Role): Promise<void> {
  await deps.audit.append([
    { id: deps.newId(), orgId: ctx.org.id, at: deps.s.now().toISOString(), actor: ctx.actor, surface: "default-role", changes: [], defaultRole: { from, to } },
  ]);
}

export const AUDIT_PAGE_SIZE = 50;

export function readAuditTrail(deps: UsersDeps, orgId: string, continuation: string | null, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  return deps.audit.list(orgId, pageSize, continuation);
}
