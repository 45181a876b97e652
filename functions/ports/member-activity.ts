import type { ActivityField } from "../domain/member-activity";

/**
 * When members last used Timetracker. A stamp is bookkeeping beside the seat protocol, not a
 * role change: it goes straight to the member's record, never creates one, and never moves a
 * seat (ports/seat-commit keeps those).
 */
export interface MemberActivity {
  /** Sets `field` of the user's member record to `at` (ISO); nothing when the user has no record. */
  touch(orgId: string, userId: string, field: ActivityField, at: string): Promise<void>;
}
