import type { AssignRolesRequest, HoldSeatsResponse } from "../../contracts/users";
import { planState, seatLimit } from "../../domain/access";
import { NotFoundError, PreconditionFailedError } from "../../domain/errors";
import { jitteredExponential, retryOnConflict } from "../../domain/retry-on-conflict";
import { heldBy, withHold } from "../../domain/seat-holds";
import { checkSeats } from "../../domain/seats";
import { roleAssignment } from "./assign-roles";
import { planRoleChanges, seatsNeededBy } from "./plan-role-changes";
import { ensureLedger, releaseHold, seatsTaken } from "./seat-ledger";
import { seatRefusal } from "./subscription-link";
import type { UserManager } from "./user-manager";
import type { UsersDeps } from "./users-deps";

const HOLD_RACE_ATTEMPTS = 40;
const HOLD_RACE_BACKOFF = jitteredExponential(5, 120);

/**
 * POST users/roles/holds: before the page sends a change in several requests, it keeps the
 * seats the whole change needs (planned exactly as the write plans it) on the seat ledger.
 * Every other change counts them as taken until the change's batches have used them, the
 * page releases them, or they lapse (SEAT_HOLD_MS after the last batch): so a change that
 * fits lands whole, and one that does not is refused here with nothing written.
 */
export async function holdSeats(
  deps: UsersDeps,
  manager: UserManager,
  request: AssignRolesRequest,
): Promise<HoldSeatsResponse> {
  const { ctx, inputs } = roleAssignment(deps, manager, request);
  const id = request.holdId ?? deps.newId();
  const limit = seatLimit(planState(ctx.org, deps.now()));
  if (limit === null) return { holdId: id, seatsHeld: 0, until: null }; // no limit: nothing to keep seats from
  const { planned } = await planRoleChanges(deps, ctx, inputs);
  const policy = {
    attempts: HOLD_RACE_ATTEMPTS,
    isConflict: (error: unknown) => error instanceof PreconditionFailedError,
    backoff: { delayMs: HOLD_RACE_BACKOFF, sleep: deps.sleep },
  };
  return retryOnConflict(policy, async (): Promise<HoldSeatsResponse> => {
    const ledger = await ensureLedger(deps, ctx.org);
    const now = deps.now();
    const needed = Math.max(0, seatsNeededBy(planned, ledger.value.defaultCounted));
    const held = heldBy(ledger.value.holds, id, now);
    if (needed === 0 && held === 0) return { holdId: id, seatsHeld: 0, until: null };
    const check = checkSeats(seatsTaken(ledger.value, now, id) + held, needed, limit);
    if (!check.ok) throw seatRefusal(deps.settings, ctx.org.name, check);
    const holds = withHold(ledger.value.holds, id, held + needed, now);
    await deps.ledgers.replace({ ...ledger.value, holds, updatedAt: now.toISOString() }, ledger.etag);
    return { holdId: id, seatsHeld: held + needed, until: holds.find((h) => h.id === id)!.until };
  });
}

/** DELETE users/roles/holds/{id}: the change is done or given up, its seats are free for others. */
export async function releaseSeatHold(deps: UsersDeps, manager: UserManager, holdId: string): Promise<void> {
  // Only this org's ledger is searched: another org's hold id is as unknown here as a made-up one.
  if (!(await releaseHold(deps, manager.access.org.value, holdId)))
    throw new NotFoundError(
      `No seat hold ${holdId} in this organization: its change was done, it was released, or it lapsed.`,
    );
}
