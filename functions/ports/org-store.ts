import type { MemberRecord } from "../domain/member";
import type { OrgRecord } from "../domain/org";
import type { Versioned } from "./versioned";

export interface OrgStore {
  get(orgId: string): Promise<Versioned<OrgRecord> | null>;
  /** The org and one member in a single store request: the warm path of every call. */
  getWithMember(orgId: string, userId: string): Promise<{ org: Versioned<OrgRecord> | null; member: Versioned<MemberRecord> | null }>;
  /** Creates the org; throws ConflictError when it already exists (two first users at once). */
  create(org: OrgRecord): Promise<Versioned<OrgRecord>>;
  /** Replaces the org if it is unchanged since `etag`; throws PreconditionFailedError otherwise. */
  replace(org: OrgRecord, etag: string): Promise<Versioned<OrgRecord>>;
}
