import type { ActivityTypeStore } from "../../ports/activity-type-store";
import type { MemberActivity } from "../../ports/member-activity";
import type { MemberRoster } from "../../ports/member-roster";
import type { OrgStore } from "../../ports/org-store";
import type { TimerStore } from "../../ports/timer-store";
import type { WorkItemDirectory } from "../../ports/work-item-directory";
import type { WorklogStore } from "../../ports/worklog-store";

/** What the time use-cases work with; functions/app builds the real ones. */
export interface TimeDeps {
  orgs: OrgStore;
  worklogs: WorklogStore;
  timers: TimerStore;
  activityTypes: ActivityTypeStore;
  /** Cached briefly: the same item is checked on every save. */
  workItems: WorkItemDirectory;
  /** The org's members (for "on behalf of" and names). */
  roster: MemberRoster;
  /** When members last tracked time (stamped as time is saved, use-cases/record-activity.ts). */
  activity: MemberActivity;
  now: () => Date;
  newId: () => string;
  /** Bookkeeping failures that must not fail a request. */
  warn: (line: string) => void;
}
