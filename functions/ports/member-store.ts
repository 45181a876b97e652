import type { MemberRecord } from "../domain/member";
import type { Versioned } from "./versioned";

export interface MemberStore {
  get(orgId: string, userId: string): Promise<Versioned<MemberRecord> | null>;
  /** Creates the member; throws ConflictError if a record exists already. */
  create(member: MemberRecord): Promise<Versioned<MemberRecord>>;
  replace(member: MemberRecord, etag: string): Promise<Versioned<MemberRecord>>;
}
