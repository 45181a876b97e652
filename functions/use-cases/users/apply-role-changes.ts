import { planState, seatLimit } from "../../domain/access";
import { chunk } from "../../domain/chunk";
import { retryOnConflict, TooManyChangesError } from "../../domain/retry-on-conflict";
import { defaultIsCounted, fitInOrder, licensedDelta, seatLimitMessage, type SeatShortfall } from "../../domain/seats";
import { MAX_COMMIT_WRITES, type OpResult } from "../../ports/seat-commit";
import type { SeatLedger } from "../../ports/seat-ledger-store";
import type { Versioned } from "../../ports/versioned";
import { commitChunk, type ChunkPlan } from "./commit-chunk";
import { planRoleChanges } from "./plan-role-changes";
import type { RoleChangeContext, RoleChangeInput, RoleChangeOutcome } from "./role-change";
import { ensureLedger, releaseHoldQuietly, seatsTaken } from "./seat-ledger";
import { seatRefusal } from "./subscription-link";
import type { UsersDeps } from "./users-deps";

const NO_SEAT = "No seat is free for this user now; they get one when a seat frees.";
const KEPT_CHANGING = "Someone else kept changing this user at the same time; try again.";

/** Rounds for entries another request changed in between (each round reads them again); then KEPT_CHANGING. */
const CHANGED_ENTRY_ROUNDS = 3;

/** Some entries were changed by another request while this round wrote them: read them again. */
class EntriesChanged extends Error {}

/**
 * Assigns roles in bulk under the seat limit (docs/architecture.md, "The seat protocol"), in one request per batch:
 *
 * 1. the changes are written in transactional batches of up to 98 members together with the
 *    seat ledger (guarded by its etag, checked against the seats) and their audit entry, so
 *    counters, members and audit never disagree, whatever fails in between;
 * 2. the first batch checks the whole request (a swap at full capacity fits) and holds on the
 *    ledger the seats the later batches need, so no change racing between two batches takes
 *    them: a request that fits lands whole, one that does not writes nothing;
 * 3. batches that free seats go first (so a request that swaps seats fits across batches);
 *    a member someone else changed in between is read again and retried.
 */
export async function applyRoleChanges(
  deps: UsersDeps,
  ctx: RoleChangeContext,
  inputs: readonly RoleChangeInput[],
): Promise<RoleChangeOutcome[]> {
  const outcomes = new Map<string, RoleChangeOutcome>();
  const limit = seatLimit(planState(ctx.org, deps.now()));
  // A sync fills free seats and holds none; any other request holds what its later batches
  // need (the page's hold when it sends a change in several requests, else its own).
  const holdId = ctx.fillFreeSeats ? null : (ctx.seatHold ?? `request-${deps.newId()}`);
  let held = 0; // what this request's own hold keeps after its last batch that landed
  let wroteHold = false; // a batch that carried the hold was sent (its answer may have been lost)
  let ended = false;
  let refusal: SeatShortfall | null = null;
  let pending = [...inputs];
  const round = async (index: number) => {
    if (pending.length === 0) return;
    const plan = await planRoleChanges(deps, ctx, pending);
    for (const outcome of plan.decided) outcomes.set(outcome.userId, outcome);
    const planned =
      index === 0 && ctx.fillFreeSeats ? await fitFreeSeats(deps, ctx, plan.planned, limit, outcomes) : plan.planned;
    const retry = new Set<string>();
    let ledger: Versioned<SeatLedger> | undefined; // as the last batch left it
    const counted = defaultIsCounted(ctx.org.defaultRole);
    // Each move's delta worked out once, not per comparison (a first sync sorts 20,000); stable.
    const ordered = planned
      .map((p) => ({ p, delta: licensedDelta(p.move, counted) }))
      .sort((a, b) => a.delta - b.delta)
      .map(({ p }) => p);
    let done = 0;
    for (const part of batches(ordered, counted, ctx.fillFreeSeats === true)) {
      done += part.length;
      if (retry.size > 0) {
        // A batch before this one did not land (a member changed meanwhile): the seats it was
        // to free are not free, so the rest waits for the next round, which reads them again.
        // The hold still keeps what the rest needs.
        for (const p of part) retry.add(p.userId);
        continue;
      }
      if (!refusal) {
        await ctx.beforeBatch?.();
        const hold = holdId ? { id: holdId, rest: ordered.slice(done).map((p) => p.move) } : undefined;
        wroteHold ||= hold !== undefined && limit !== null;
        const result = await commitChunk(deps, ctx, part, limit, {
          ...(ledger ? { carried: ledger } : {}),
          ...(hold ? { hold } : {}),
        });
        if (result.kind === "written") {
          ledger = result.ledger;
          if (result.held !== null) held = result.held;
          recordWritten(part, result.writes, outcomes, retry);
          continue;
        }
        refusal = result.check;
      }
      // Seats ran out under a concurrent change that did not respect this request's hold (a
      // sync, which holds nothing, a hold that lapsed, a plan made smaller): a group rule
      // leaves these waiting for a seat, anyone else is refused with the limit.
      for (const p of part)
        outcomes.set(p.userId, {
          userId: p.userId,
          ok: false,
          message: ctx.fillFreeSeats ? NO_SEAT : seatLimitMessage(refusal),
          reason: "no-seat",
        });
    }
    pending = pending.filter((input) => retry.has(input.userId));
    if (pending.length > 0 && !refusal) throw new EntriesChanged();
  };
  try {
    await retryOnConflict(
      { attempts: CHANGED_ENTRY_ROUNDS, isConflict: (error) => error instanceof EntriesChanged },
      round,
    );
    ended = true;
  } catch (error) {
    // A bulk request answers per entry: the ones that kept changing say so, the others stand.
    // Any other failure (a seat batch that kept losing the ledger race included) fails the request.
    if (!(error instanceof TooManyChangesError && error.lastConflict instanceof EntriesChanged)) throw error;
    ended = true;
  } finally {
    // A request's own hold ends with it, also when it fails (a batch may have landed without
    // its answer arriving); a page's hold is the page's to release.
    if (holdId && !ctx.seatHold && wroteHold && (held > 0 || !ended)) await releaseHoldQuietly(deps, ctx.org, holdId);
  }
  for (const input of pending)
    if (!outcomes.has(input.userId))
      outcomes.set(input.userId, { userId: input.userId, ok: false, message: KEPT_CHANGING });
  const nothingChanged = ![...outcomes.values()].some((o) => o.ok && o.changed);
  if (refusal && nothingChanged && !ctx.fillFreeSeats) throw seatRefusal(deps.settings, ctx.org.name, refusal);
  return inputs.map(
    (input) => outcomes.get(input.userId) ?? { userId: input.userId, ok: false, message: KEPT_CHANGING },
  );
}

/**
 * The ordered changes in batches of at most MAX_COMMIT_WRITES. Filling free seats (a sync),
 * changes that free or keep seats never share a batch with changes that take one: a batch
 * refused for want of seats answers each of its entries "no seat", which is true only of
 * those that need one. Otherwise batches mix them, so a swap at full capacity lands in one.
 */
function batches(ordered: readonly ChunkPlan[], counted: boolean, fillFreeSeats: boolean): ChunkPlan[][] {
  if (!fillFreeSeats) return chunk(ordered, MAX_COMMIT_WRITES);
  const taking = ordered.findIndex((p) => licensedDelta(p.move, counted) > 0);
  if (taking <= 0) return chunk(ordered, MAX_COMMIT_WRITES);
  return [...chunk(ordered.slice(0, taking), MAX_COMMIT_WRITES), ...chunk(ordered.slice(taking), MAX_COMMIT_WRITES)];
}

/** What a written batch did to each of its entries: landed, failed, or changed meanwhile (to retry). */
function recordWritten(
  part: ChunkPlan[],
  writes: readonly OpResult[],
  outcomes: Map<string, RoleChangeOutcome>,
  retry: Set<string>,
): void {
  part.forEach((p, i) => {
    const r = writes[i];
    const { displayName, email } = p.write.member;
    if (r === "landed")
      outcomes.set(p.userId, {
        userId: p.userId,
        ok: true,
        displayName,
        email,
        from: p.move.from,
        to: p.move.to,
        changed: true,
      });
    else if (r === "failed")
      outcomes.set(p.userId, { userId: p.userId, ok: false, message: "The store could not save this user." });
    else retry.add(p.userId);
  });
}

/** The planned changes that fit the free seats in input order; the others answer NO_SEAT (`fillFreeSeats`). */
async function fitFreeSeats(
  deps: UsersDeps,
  ctx: RoleChangeContext,
  planned: ChunkPlan[],
  limit: number | null,
  outcomes: Map<string, RoleChangeOutcome>,
): Promise<ChunkPlan[]> {
  if (limit === null || planned.length === 0) return planned;
  const ledger = (await ensureLedger(deps, ctx.org)).value;
  const fits = fitInOrder(
    planned.map((p) => p.move),
    seatsTaken(ledger, deps.now()),
    limit,
    ledger.defaultCounted,
  );
  const kept = planned.filter((_, i) => fits[i]);
  for (const p of planned.filter((_, i) => !fits[i]))
    outcomes.set(p.userId, { userId: p.userId, ok: false, message: NO_SEAT, reason: "no-seat" });
  return kept;
}
