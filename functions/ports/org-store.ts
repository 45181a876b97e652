import type { MemberRecord } from "../domain/member";
import type { OrgRecord } from "../domain/org";
import type { Versioned } from "./versioned";

/**
 * How current a read must be. "fresh" reads the store. "recent" may answer from this
 * instance's copy: at most a few seconds old (RECENT_READ_MS), and never older than this
 * instance's own last write to the org, so a change is seen at once where it was made.
 */
export type Freshness = "fresh" | "recent";

/** How old a "recent" read may be: how long another instance's change can take to show. */
export const RECENT_READ_MS = 5_000;

export interface OrgStore {
  get(orgId: string): Promise<Versioned<OrgRecord> | null>;
  /** The org and one member: the warm path of every call. */
  getWithMember(
    orgId: string,
    userId: string,
    freshness: Freshness,
  ): Promise<{ org: Versioned<OrgRecord> | null; member: Versioned<MemberRecord> | null }>;
  /** Creates the org; throws ConflictError when it already exists (two first users at once). */
  create(org: OrgRecord): Promise<Versioned<OrgRecord>>;
  /** Replaces the org if it is unchanged since `etag`; throws PreconditionFailedError otherwise. */
  replace(org: OrgRecord, etag: string): Promise<Versioned<OrgRecord>>;
}
