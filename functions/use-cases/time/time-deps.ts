import type { ActivityTypeStore } from "../../ports/activity-type-store";
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
  now: () => Date;
  newId: () => string;
}
