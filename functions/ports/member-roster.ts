import type { MemberRecord } from "../domain/member";
import type { SeatCounts } from "../domain/seats";
import type { Versioned } from "./versioned";

/** One member write: create a new record, or replace one unchanged since `etag` (see ports/seat-commit). */
export type MemberWrite = { kind: "create"; member: MemberRecord } | { kind: "replace"; member: MemberRecord; etag: string };

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

/** Bulk reads and lists of the members of one org (single partition); writes go through ports/seat-commit. */
export interface MemberRoster {
  /** Current records (with etags) of these users; users without a record are absent. */
  readMany(orgId: string, userIds: readonly string[]): Promise<Map<string, Versioned<MemberRecord>>>;
  list(orgId: string, query: MemberListQuery): Promise<MemberPage>;
  /** Members by e-mail address (lower-cased keys). */
  findByEmails(orgId: string, emails: readonly string[]): Promise<Map<string, MemberRecord>>;
  /** Recount of the ledger's counters (the reconcile timer only: this reads the whole org). */
  countCategories(orgId: string): Promise<SeatCounts>;
}
