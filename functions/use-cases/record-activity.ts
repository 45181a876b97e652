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
  await bestEffort(deps, `Could not record ${field} of user ${member.userId} in org ${member.orgId}`, () =>
    deps.activity.touch(member.orgId, member.userId, field, at.toISOString()),
  );
}

/**
 * Lists the member under the name Azure DevOps gives them now (their sign-in says it), when
 * it differs from the name Timetracker has: renames in Azure DevOps reach the licensed list
 * the next time the person opens Timetracker. Only the name: the e-mail Timetracker keeps
 * may be a mail address where the sign-in gives the account name. Best effort, as the stamps.
 */
export async function recordName(deps: ActivityDeps, member: MemberRecord | null, displayName: string): Promise<void> {
  const name = displayName.trim();
  if (!member || name === "" || name === member.displayName) return;
  await bestEffort(deps, `Could not save the new name of user ${member.userId} in org ${member.orgId}`, () =>
    deps.activity.rename(member, name),
  );
}

/** Bookkeeping that must not fail the user's request: a failure is logged with what failed. */
async function bestEffort(deps: ActivityDeps, failure: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    deps.warn(`${failure}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
