import type { AuditEntry } from "../../domain/audit";
import type { AuditPage } from "../../ports/audit-log";
import type { UsersDeps } from "./users-deps";

/**
 * Audit entries are written in the same transactional batch as their change (an outbox
 * document beside the members), so no change is ever stored without its entry. They are
 * moved to the audit trail when it is read (and by the hourly timer), which keeps that work
 * out of the request that made the change.
 */
async function moveAuditToTrail(deps: UsersDeps, orgId: string, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await deps.audit.append(entries);
  await deps.commits.clearPendingAudit(
    orgId,
    entries.map((e) => e.id),
  );
}

export async function flushPendingAudit(deps: UsersDeps, orgId: string): Promise<number> {
  const pending = await deps.commits.pendingAudit(orgId);
  await moveAuditToTrail(deps, orgId, pending);
  return pending.length;
}

export const AUDIT_PAGE_SIZE = 50;

export async function readAuditTrail(
  deps: UsersDeps,
  orgId: string,
  continuation: string | null,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  if (!continuation) await flushPendingAudit(deps, orgId);
  return deps.audit.list(orgId, pageSize, continuation);
}
