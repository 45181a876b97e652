import { activityStampDue, type ActivityField } from "../domain/member-activity";
import type { MemberRecord } from "../domain/member";
import type { MemberActivity } from "../ports/member-activity";

/** What recording activity needs (part of both UsersDeps and TimeDeps). */
export interface ActivityDeps {
  activity: MemberActivity;
  now: () => Date;
  /** Where bookkeeping failures go: they are logged, never the user's problem. */
  warn: (line: string) => void;
}

/**
 * Stamps when a member tracked time or opened Timetracker, from the record the caller has
 * already read (no extra read): at most once per UTC day, and nothing for a user without a
 * record. Best effort: a failed stamp is logged and the user's request goes on.
 */
export async function recordActivity(
  deps: ActivityDeps,
  member: MemberRecord | null,
  field: ActivityField,
): Promise<void> {
  if (!member) return;
  const at = deps.now();
  if (!activityStampDue(member, field, at)) return;
  try {
    await deps.activity.touch(member.orgId, member.userId, field, at.toISOString());
  } catch (error) {
    deps.warn(
      `Could not record ${field} of user ${member.userId} in org ${member.orgId}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
