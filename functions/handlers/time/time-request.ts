import type { Services } from "../../app/services";
import type { Caller } from "../../auth/caller";
import { requireTimeAccess, type TimeActor } from "../../use-cases/time/time-actor";
import type { TimeDeps } from "../../use-cases/time/time-deps";

/** Every time handler starts with this: the time ports, and a caller who may track time (403 otherwise). */
export async function timeRequest(services: Services, caller: Caller): Promise<{ deps: TimeDeps; actor: TimeActor }> {
  return { deps: services.time, actor: await requireTimeAccess(services.users, caller) };
}
