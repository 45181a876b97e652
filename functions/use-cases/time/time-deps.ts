import type { Services } from "../../app/services";
import type { ActivityTypeStore } from "../../ports/activity-type-store";
import type { TimerStore } from "../../ports/timer-store";
import type { WorklogOwners } from "../../ports/worklog-owners";
import type { WorkItemDirectory } from "../../ports/work-item-directory";
import type { WorklogStore } from "../../ports/worklog-store";

/** What the time use-cases work with; the handlers' wiring builds the real ones. */
export interface TimeDeps {
  s: Services;
  worklogs: WorklogStore;
  timers: TimerStore;
  activityTypes: ActivityTypeStore;
  /** Cached briefly: the same item is checked on every save. */
  workItems: WorkItemDirectory;
  /** Lists the licensed members of an org (for "on behalf of" and names). */
  people: WorklogOwners;
  newId: () => string;
}

