import type { ActivityType } from "../domain/activity-type";
import type { Versioned } from "./versioned";

/** The activity types of an org, kept as one list so renames and archiving are one guarded write. */
export interface ActivityTypeStore {
  get(orgId: string): Promise<Versioned<ActivityType[]> | null>;
  /** Throws ConflictError when the org's list exists already (two first users seeding at once). */
  create(orgId: string, types: ActivityType[]): Promise<Versioned<ActivityType[]>>;
  /** Throws PreconditionFailedError when the list changed since `etag`. */
  replace(orgId: string, types: ActivityType[], etag: string): Promise<Versioned<ActivityType[]>>;
}
