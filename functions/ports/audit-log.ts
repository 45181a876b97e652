import type { AuditEntry } from "../domain/audit";

export interface AuditPage {
  entries: AuditEntry[];
  continuation: string | null;
}

export interface AuditLog {
  append(entries: readonly AuditEntry[]): Promise<void>;
  /** Newest first. */
  list(orgId: string, pageSize: number, continuation: string | null): Promise<AuditPage>;
}
