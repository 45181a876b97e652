import { randomUUID } from "node:crypto";
import { CosmosActivityTypeStore } from "../../adapters/cosmos/cosmos-activity-type-store";
import { CosmosTimerStore } from "../../adapters/cosmos/cosmos-timer-store";
import { CosmosWorklogOwners } from "../../adapters/cosmos/cosmos-worklog-owners";
import { CosmosWorklogStore } from "../../adapters/cosmos/cosmos-worklog-store";
import { DevopsWorkItemDirectory } from "../../adapters/devops/work-items";
import { CachedWorkItemDirectory } from "../../adapters/devops/work-items-cache";
import { provide, type Services } from "../../app/services";
import type { Caller } from "../../auth/caller";
import { requireTimeAccess, type TimeActor } from "../../use-cases/time/time-actor";
import type { TimeDeps } from "../../use-cases/time/time-deps";

/** The real adapters behind the time use-cases, built once per wiring. */
export const timeDeps = provide(
  (s): TimeDeps => ({
    s,
    worklogs: new CosmosWorklogStore(s.db),
    timers: new CosmosTimerStore(s.db),
    activityTypes: new CosmosActivityTypeStore(s.db),
    workItems: new CachedWorkItemDirectory(new DevopsWorkItemDirectory(s.config.devops), () => s.now().getTime()),
    people: new CosmosWorklogOwners(s.db),
    newId: randomUUID,
  }),
);

/** Every time handler starts with this: the wiring, and a caller who may track time (403 otherwise). */
export async function timeRequest(services: Services, caller: Caller): Promise<{ deps: TimeDeps; actor: TimeActor }> {
  const deps = timeDeps();
  return { deps, actor: await requireTimeAccess(services, caller) };
}
