import type {
  ActivityTypesResponse,
  ActivityTypeView,
  CreateWorklogRequest,
  ListWorklogsQuery,
  ListWorklogsResponse,
  StopTimerResponse,
  TimeContextResponse,
  TimePeopleResponse,
  TimePerson,
  TimerResponse,
  TimerView,
  TimeSettingsView,
  UpdateWorklogRequest,
  WorklogView,
  WorkItemTimeResponse,
} from "../../functions/contracts/time";
import type { Role } from "../../functions/contracts/roles";
import { getBackend } from "./backend";

// Time tracking calls to the backend. Components use these, never the client directly.

export type {
  ActivityTypeView,
  ListWorklogsResponse,
  StopTimerResponse,
  TimeContextResponse,
  TimePerson,
  TimerView,
  TimeSettingsView,
  WorklogView,
  WorkItemTimeResponse,
};
export type NewWorklog = CreateWorklogRequest;
export type WorklogChange = Omit<UpdateWorklogRequest, "etag"> & { etag: string };
export type WorklogQuery = Partial<ListWorklogsQuery> & Pick<ListWorklogsQuery, "from" | "to">;

/** "+01:00" for the browser's offset at `at` (offsets change with daylight saving). */
export function browserUtcOffset(at: Date = new Date()): string {
  const minutes = -at.getTimezoneOffset();
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export function getTimeContext(workItemId?: number): Promise<TimeContextResponse> {
  return getBackend().get<TimeContextResponse>("time/context", { query: { workItemId } });
}

export function listWorklogs(query: WorklogQuery): Promise<ListWorklogsResponse> {
  return getBackend().get<ListWorklogsResponse>("worklogs", { query: { ...query } });
}

export function createWorklog(worklog: NewWorklog): Promise<WorklogView> {
  return getBackend().post<WorklogView>("worklogs", worklog);
}

export function updateWorklog(id: string, change: WorklogChange): Promise<WorklogView> {
  return getBackend().patch<WorklogView>(`worklogs/${encodeURIComponent(id)}`, change);
}

export function deleteWorklog(worklog: Pick<WorklogView, "id" | "etag">): Promise<void> {
  return getBackend().delete(`worklogs/${encodeURIComponent(worklog.id)}`, { query: { etag: worklog.etag } });
}

export async function getTimer(): Promise<TimerView | null> {
  return (await getBackend().get<TimerResponse>("timer")).timer;
}

export function startTimer(
  workItemId: number,
  details: { activityTypeId?: string | null; comment?: string } = {},
): Promise<TimerView> {
  return getBackend().post<TimerView>("timer/start", { workItemId, ...details, utcOffset: browserUtcOffset() });
}

export function stopTimer(): Promise<StopTimerResponse> {
  return getBackend().post<StopTimerResponse>("timer/stop");
}

export async function getActivityTypes(): Promise<ActivityTypeView[]> {
  return (await getBackend().get<ActivityTypesResponse>("activity-types")).activityTypes;
}

export async function addActivityType(name: string): Promise<ActivityTypeView[]> {
  return (await getBackend().post<ActivityTypesResponse>("activity-types", { name })).activityTypes;
}

export async function changeActivityType(
  id: string,
  change: { name?: string; archived?: boolean },
): Promise<ActivityTypeView[]> {
  return (await getBackend().patch<ActivityTypesResponse>(`activity-types/${encodeURIComponent(id)}`, change))
    .activityTypes;
}

export function getTimeSettings(): Promise<TimeSettingsView> {
  return getBackend().get<TimeSettingsView>("time-settings");
}

export function updateTimeSettings(change: {
  editingTimeRoles?: Role[];
  preventTimeOnClosedItems?: boolean;
}): Promise<TimeSettingsView> {
  return getBackend().patch<TimeSettingsView>("time-settings", change);
}

export function getWorkItemTime(workItemId: number): Promise<WorkItemTimeResponse> {
  return getBackend().get<WorkItemTimeResponse>(`work-items/${workItemId}/time`);
}

export async function getPeople(): Promise<TimePerson[]> {
  return (await getBackend().get<TimePeopleResponse>("time/people")).people;
}
