import type { MemberRecord } from "../domain/member";
import type { SeatCounts } from "../domain/seats";
import type { Versioned } from "./versioned";

/** One member write of a bulk request: create a new record, or replace one unchanged since `etag`. */
export type MemberWrite = { kind: "create"; member: MemberRecord } | { kind: "replace"; member: MemberRecord; etag: string };

/** "changed": someone else wrote the member since we read it (412/409); it was not written. */
export type MemberWriteOutcome = { ok: true } | { ok: false; reason: "changed" | "failed"; message: string };

export type MemberSort = "name" | "email" | "role";

export interface MemberListQuery {
  /** Lower-cased text to find in name or email; empty for all. */
  search: string;
  sort: MemberSort;
  descending: boolean;
  /** Only licensed members (given whether Default counts), or everyone with a record. */
  licensedOnly: boolean;
  defaultLicensed: boolean;
  pageSize: number;
  continuation: string | null;
}

export interface MemberPage {
  members: MemberRecord[];
  continuation: string | null;
}

/** Bulk and list access to the members of one org (single partition). */
export interface MemberRoster {
  /** Current records (with etags) of these users; users without a record are absent. */
  readMany(orgId: string, userIds: readonly string[]): Promise<Map<string, Versioned<MemberRecord>>>;
  /** Writes in bulk; outcomes in the order of `writes`. */
  writeMany(orgId: string, writes: readonly MemberWrite[]): Promise<MemberWriteOutcome[]>;
  list(orgId: string, query: MemberListQuery): Promise<MemberPage>;
  /** Members by e-mail address (lower-cased keys). */
  findByEmails(orgId: string, emails: readonly string[]): Promise<Map<string, MemberRecord>>;
  /** Recount of the ledger's counters (the reconcile timer only: this reads the whole org). */
  countCategories(orgId: string): Promise<SeatCounts>;
}
