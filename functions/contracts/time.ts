import { z } from "zod";
import { isCalendarDate } from "../domain/zoned-time";
import type { Role } from "../domain/roles";

/**
 * HTTP contracts of time tracking: request schemas (validated by the handlers) and response
 * types. The front end imports TYPES only from here (`import type`).
 */

const workItemId = z
  .number({ error: "workItemId must be a number" })
  .int()
  .positive("workItemId must be a positive whole number");
const comment = z.string().max(1000, "at most 1000 characters");
const activityTypeId = z.string().min(1).max(100).nullable();
/** "+01:00", "-05:30" or "Z". */
const utcOffset = z.string().regex(/^(Z|[+-]\d{2}:\d{2})$/, "must look like +01:00");
const day = z.string().refine(isCalendarDate, "must be a date like 2026-03-02");
const userId = z.string().min(1).max(100);

export const CreateWorklogRequest = z.strictObject({
  workItemId,
  /** ISO 8601 with the user's offset: "2026-03-02T09:00:00+01:00". */
  start: z.string().max(40),
  durationSeconds: z.number(),
  activityTypeId: activityTypeId.optional(),
  comment: comment.optional(),
  /** Owner when adding time on someone's behalf (needs Product or above). */
  userId: userId.optional(),
  /**
   * Makes the request safe to retry: the same requestId (a UUID the client makes once per
   * worklog) creates the worklog once and answers the same worklog again.
   */
  requestId: z.string().uuid("requestId must be a UUID").optional(),
});
export type CreateWorklogRequest = z.infer<typeof CreateWorklogRequest>;

export const UpdateWorklogRequest = z
  .strictObject({
    /** The etag the change is based on (or an If-Match header); a stale one gets 412. */
    etag: z.string().min(1).optional(),
    workItemId: workItemId.optional(),
    start: z.string().max(40).optional(),
    durationSeconds: z.number().optional(),
    activityTypeId: activityTypeId.optional(),
    comment: comment.optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== "etag"), "nothing to change: send at least one field besides etag");
export type UpdateWorklogRequest = z.infer<typeof UpdateWorklogRequest>;

const MAX_RANGE_DAYS = 366;

export const ListWorklogsQuery = z
  .strictObject({
    from: day,
    to: day,
    /** Default: the caller. "all" or another user's id needs Product or above. */
    userId: userId.optional(),
    workItemId: z.coerce.number().int().positive().optional(),
    activityTypeId: z.string().min(1).max(100).optional(),
    pageSize: z.coerce.number().int().min(1).max(1000).optional(),
    continuationToken: z.string().max(4000).optional(),
    order: z.enum(["asc", "desc"]).optional(),
  })
  .refine((q) => q.from <= q.to, "from must not be after to")
  .refine(
    (q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_RANGE_DAYS * 86_400_000,
    `the range can span at most ${MAX_RANGE_DAYS} days`,
  );
export type ListWorklogsQuery = z.infer<typeof ListWorklogsQuery>;

export const DeleteWorklogQuery = z.strictObject({ etag: z.string().min(1).optional() });

export const StartTimerRequest = z.strictObject({
  workItemId,
  activityTypeId: activityTypeId.optional(),
  comment: comment.optional(),
  /** The user's offset now; the worklogs of this run are dated in it. Default "+00:00". */
  utcOffset: utcOffset.optional(),
});
export type StartTimerRequest = z.infer<typeof StartTimerRequest>;

export const ActivityTypeCreateRequest = z.strictObject({ name: z.string().max(200) });
export const ActivityTypeUpdateRequest = z
  .strictObject({ name: z.string().max(200).optional(), archived: z.boolean().optional() })
  .refine((b) => b.name !== undefined || b.archived !== undefined, "send a new name or archived");

const licensedRole = z.enum(["Team", "Product", "Budget", "Administrator"]);
export const TimeSettingsUpdateRequest = z
  .strictObject({
    editingTimeRoles: z.array(licensedRole).max(4).optional(),
    preventTimeOnClosedItems: z.boolean().optional(),
  })
  .refine((b) => b.editingTimeRoles !== undefined || b.preventTimeOnClosedItems !== undefined, "nothing to change");

export const TimeContextQuery = z.strictObject({ workItemId: z.coerce.number().int().positive().optional() });

// ---- responses ----

export interface WorklogView {
  id: string;
  userId: string;
  userName: string;
  createdBy: string;
  createdByName: string;
  workItemId: number;
  start: string;
  day: string;
  durationSeconds: number;
  activityTypeId: string | null;
  comment: string;
  ownerHasEdited: boolean;
  lastEditedBy: string | null;
  lastEditedByName: string | null;
  lastEditedAt: string | null;
  /** Someone other than the owner changed it last: show "Edited by <lastEditedByName>". */
  editedByOther: boolean;
  /** Whether the caller may change or delete it now (the backend decides again on save). */
  canEdit: boolean;
  etag: string;
}

export interface ListWorklogsResponse {
  worklogs: WorklogView[];
  continuationToken: string | null;
}

export interface TimerView {
  workItemId: number;
  activityTypeId: string | null;
  comment: string;
  startedAt: string;
  /** Seconds since the start, by the server's clock when it answered. */
  elapsedSeconds: number;
}

export interface TimerResponse {
  timer: TimerView | null;
}

export interface StopTimerResponse {
  worklogs: WorklogView[];
  /** Something the user must be told (split over midnight, capped at 24 h), or null. */
  notice: string | null;
}

export interface ActivityTypeView {
  id: string;
  name: string;
  archived: boolean;
}

export interface ActivityTypesResponse {
  activityTypes: ActivityTypeView[];
}

export interface TimeSettingsView {
  editingTimeRoles: Role[];
  preventTimeOnClosedItems: boolean;
}

export interface TimeCapabilities {
  addTimeForOthers: boolean;
  viewAllWorklogs: boolean;
  manageSettings: boolean;
}

/** GET time/context: what a time surface needs in one call. 403 means no access. */
export interface TimeContextResponse {
  role: Role;
  capabilities: TimeCapabilities;
  timer: TimerView | null;
  /** Totals on the work item asked for (this item only, not its children). */
  workItem: { id: number; totalSeconds: number; mySeconds: number } | null;
}

export interface PersonTotal {
  userId: string;
  displayName: string;
  totalSeconds: number;
}

/** GET work-items/{id}/time: the form page "Time". */
export interface WorkItemTimeResponse {
  workItemId: number;
  /** The item and its descendants whose time is included, with titles. */
  workItems: Array<{ id: number; title: string; type: string }>;
  totalSeconds: number;
  mySeconds: number;
  people: PersonTotal[];
  /** The entries the caller may see (their own for Team), newest first. */
  entries: WorklogView[];
  /** True when the caller sees everyone's entries, false when others appear only as totals. */
  showsAllEntries: boolean;
  /** More worklogs exist than were read; totals cover the first ones only. */
  truncated: boolean;
}

export interface TimePerson {
  userId: string;
  displayName: string;
  email: string;
}

export interface TimePeopleResponse {
  people: TimePerson[];
}
