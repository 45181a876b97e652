import type { MemberRecord } from "../domain/member";
import type { SourceFilter } from "../domain/role-sources";
import type { SeatCounts } from "../domain/seats";
import type { DirectoryUser } from "./org-directory";
import type { Versioned } from "./versioned";

/** One member write: create a new record, or replace one unchanged since `etag` (see ports/seat-commit). */
export type MemberWrite =
  { kind: "create"; member: MemberRecord } | { kind: "replace"; member: MemberRecord; etag: string };

/**
 * What a rule's sync needs of a member who holds its part: whom to compare with the group and
 * how to name them, shaped as a directory user (`id` is the member's user id) so the sync
 * hands its holders to the group read as the users it knows. Not the Graph descriptor: a sync
 * writes profiles only of members it adds.
 */
export type RuleHolder = Pick<DirectoryUser, "id" | "displayName" | "email" | "uniqueName">;

export type MemberSort = "name" | "email" | "role";

/** Which members a list covers. */
export interface MemberFilter {
  /** Lower-cased text to find in name or email; empty for all. */
  search: string;
  /** Only licensed members (given whether Default counts), or everyone with a record. */
  licensedOnly: boolean;
  defaultLicensed: boolean;
  /** Only members whose role comes (also) from this source; null for any. */
  source: SourceFilter | null;
  /** Only members who tracked no time since this instant (ISO), or never; null for everyone. */
  trackedNothingSince: string | null;
}

export interface MemberListQuery extends MemberFilter {
  sort: MemberSort;
  descending: boolean;
  pageSize: number;
  continuation: string | null;
}

export interface MemberPage {
  members: MemberRecord[];
  continuation: string | null;
}

/**
 * Every read of member records, of one org (single partition). There is no write here: a
 * member changes only through ports/seat-commit, together with the seat ledger.
 */
export interface MemberRoster {
  /** One member's current record, or null when Timetracker has none. */
  get(orgId: string, userId: string): Promise<Versioned<MemberRecord> | null>;
  /** Current records (with etags) of these users; users without a record are absent. */
  readMany(orgId: string, userIds: readonly string[]): Promise<Map<string, Versioned<MemberRecord>>>;
  list(orgId: string, query: MemberListQuery): Promise<MemberPage>;
  /** The ids of every member the filter covers, in no particular order ("Select all"). */
  matchingIds(orgId: string, filter: MemberFilter): Promise<string[]>;
  /** Members by e-mail address (lower-cased keys). */
  findByEmails(orgId: string, emails: readonly string[]): Promise<Map<string, MemberRecord>>;
  /** Members holding a group rule's part, whole (deleting the rule needs every part). */
  withRule(orgId: string, ruleId: string): Promise<MemberRecord[]>;
  /** Who holds a group rule's part, only what a sync compares with the group (a smaller read). */
  ruleHolders(orgId: string, ruleId: string): Promise<RuleHolder[]>;
  /** Every member of the org, licensed or not (who can own worklogs). */
  listAll(orgId: string): Promise<MemberRecord[]>;
  /** Recount of the ledger's counters (the reconcile timer only: this reads the whole org). */
  countCategories(orgId: string): Promise<SeatCounts>;
}
