import type { MemberRecord } from "../domain/member";
import type { ActivityField } from "../domain/member-activity";

/**
 * What members' own use of Timetracker tells about them: when they last tracked time and
 * opened it, and the name Azure DevOps gives them now. Bookkeeping beside the seat protocol,
 * not a role change: it goes straight to the member's record, never creates one, and never
 * moves a seat (ports/seat-commit keeps those).
 */
export interface MemberActivity {
  /** Sets `field` of the user's member record to `at` (ISO); nothing when the user has no record. */
  touch(orgId: string, userId: string, field: ActivityField, at: string): Promise<void>;
  /** Lists, sorts and finds the member by `displayName` from now on; nothing when the user has no record. */
  rename(member: Pick<MemberRecord, "orgId" | "userId" | "email">, displayName: string): Promise<void>;
}
