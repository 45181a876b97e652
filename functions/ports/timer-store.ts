import type { RunningTimer } from "../domain/timer";
import type { Versioned } from "./versioned";

export interface TimerStore {
  get(orgId: string, userId: string): Promise<Versioned<RunningTimer> | null>;
  /** Throws ConflictError when the user's timer runs already. */
  create(timer: RunningTimer): Promise<Versioned<RunningTimer>>;
  /** Removes the timer if unchanged since `etag`; false when it was gone already. */
  delete(orgId: string, userId: string, etag: string): Promise<boolean>;
}
