import type { Worklog } from "../domain/worklog";
import type { Versioned } from "./versioned";

/** Which worklogs of one org a query returns. Every filter is optional except the org. */
export interface WorklogFilter {
  userId?: string;
  /** Inclusive range of the users' local days ("YYYY-MM-DD"). */
  fromDay?: string;
  toDay?: string;
  workItemIds?: number[];
  activityTypeId?: string;
}

export interface WorklogPage {
  items: Versioned<Worklog>[];
  /** Pass back to get the next page; null on the last page. */
  continuationToken: string | null;
}

export interface WorklogStore {
  get(orgId: string, id: string): Promise<Versioned<Worklog> | null>;
  /** Throws ConflictError if a worklog with this id exists (a timer stop that ran twice). */
  create(worklog: Worklog): Promise<Versioned<Worklog>>;
  /** Throws PreconditionFailedError when the stored copy changed since `etag`. */
  replace(worklog: Worklog, etag: string): Promise<Versioned<Worklog>>;
  /** Throws PreconditionFailedError when the stored copy changed since `etag`, NotFoundError when gone. */
  delete(worklog: Worklog, etag: string): Promise<void>;
  /** Newest first unless `order` is "asc". */
  list(
    orgId: string,
    filter: WorklogFilter,
    page: { pageSize: number; continuationToken?: string; order?: "asc" | "desc" },
  ): Promise<WorklogPage>;
}
