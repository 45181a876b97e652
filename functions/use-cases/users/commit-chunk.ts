import type { AuditEntry, RoleChange } from "../../domain/audit";
import { PreconditionFailedError, UnavailableError } from "../../domain/errors";
import { jitteredExponential, retryOnConflict } from "../../domain/retry-on-conflict";
import { heldBy, holdAfterBatch, withHold, type SeatHold } from "../../domain/seat-holds";
import {
  addCounts,
  checkSeats,
  countDeltas,
  netSeatsNeeded,
  type RoleMove,
  type SeatCheck,
  type SeatShortfall,
} from "../../domain/seats";
import type { MemberWrite } from "../../ports/member-roster";
import type { OpResult } from "../../ports/seat-commit";
import type { SeatLedger } from "../../ports/seat-ledger-store";
import type { Versioned } from "../../ports/versioned";
import type { RoleChangeContext } from "./role-change";
import { ensureLedger, seatsTaken } from "./seat-ledger";
import type { UsersDeps } from "./users-deps";

export interface ChunkPlan {
  userId: string;
  move: RoleMove;
  write: MemberWrite;
}

export type ChunkResult =
  | { kind: "refused"; check: SeatShortfall }
  /**
   * Per write: all landed, or none did and the ones that stopped the batch say why (changed:
   * read again and retry; failed). `ledger`: the ledger as this batch left it, when it landed
   * and the store named its etag.
   */
  | {
      kind: "written";
      writes: OpResult[];
      ledger?: Versioned<SeatLedger>;
      /** Seats the batch's hold keeps now that it landed; null when it did not land (the hold is as before). */
      held: number | null;
    };

/** Attempts at the batch while other requests write the ledger first, before giving up with 503 (50 racing requests fit). */
const LEDGER_RACE_ATTEMPTS = 40;
const LEDGER_RACE_BACKOFF = jitteredExponential(5, 120);

/** The seats a change keeps for what comes after this batch (domain/seat-holds.ts). */
export interface BatchHold {
  id: string;
  /** The moves of this request still to be written after this batch. */
  rest: readonly RoleMove[];
}

export interface ChunkOptions {
  /** The ledger as the request's previous batch left it: tried first instead of reading it again. */
  carried?: Versioned<SeatLedger>;
  /** Without one (a sync filling free seats), the batch holds nothing but counts others' holds. */
  hold?: BatchHold;
}

/** The seat check of one batch on one ledger, and the holds the ledger keeps if it lands. */
function decide(
  ledger: SeatLedger,
  moves: readonly RoleMove[],
  limit: number | null,
  hold: BatchHold | undefined,
  now: Date,
): { check: SeatCheck; holds: SeatHold[]; held: number } {
  const takes = netSeatsNeeded(moves, ledger.defaultCounted);
  // Without a seat limit there is nothing to keep seats from.
  if (!hold || limit === null)
    return { check: checkSeats(seatsTaken(ledger, now), takes, limit), holds: ledger.holds, held: 0 };
  const others = seatsTaken(ledger, now, hold.id);
  // Only as much of the hold as the plan's seats still cover counts: after a downgrade the
  // change's later batches are checked against the seats left, so the limit always holds.
  const held = Math.min(heldBy(ledger.holds, hold.id, now), Math.max(0, limit - others));
  const after = holdAfterBatch(held, takes, netSeatsNeeded(hold.rest, ledger.defaultCounted));
  // What this batch takes and what the hold keeps afterwards, beyond what it held already,
  // must fit the seats nobody takes or holds: on a request's first batch, the whole request.
  const check = checkSeats(others + held, takes + after - held, limit);
  return { check, holds: withHold(ledger.holds, hold.id, after, now), held: after };
}

/**
 * One transactional batch: the ledger moved by exactly this chunk's net deltas (after
 * checking its net seats, and the seats its hold keeps for the rest of the request, against
 * the limit), its audit entry and its member writes; Cosmos applies all or none. Another
 * request that wrote the ledger first makes the batch fail as a whole: read again and retry.
 * A member someone else changed stops the batch too; the caller reads those members again.
 */
export async function commitChunk(
  deps: UsersDeps,
  ctx: RoleChangeContext,
  part: ChunkPlan[],
  limit: number | null,
  options: ChunkOptions = {},
): Promise<ChunkResult> {
  const moves = part.map((p) => p.move);
  const { increments, decrements } = countDeltas(moves);
  const net = addCounts(increments, decrements, -1);
  const policy = {
    attempts: LEDGER_RACE_ATTEMPTS,
    isConflict: (error: unknown) => error instanceof PreconditionFailedError,
    backoff: { delayMs: LEDGER_RACE_BACKOFF, sleep: deps.sleep },
  };
  let known = options.carried;
  return retryOnConflict(policy, async (): Promise<ChunkResult> => {
    // A carried ledger saves a read; if another request wrote it since, the batch fails on its
    // etag and the retry reads it. A refusal is decided only on a ledger read just now.
    const now = deps.now();
    let ledger = known ?? (await ensureLedger(deps, ctx.org));
    let decision = decide(ledger.value, moves, limit, options.hold, now);
    if (!decision.check.ok && known)
      decision = decide((ledger = await ensureLedger(deps, ctx.org)).value, moves, limit, options.hold, now);
    known = undefined;
    if (!decision.check.ok) return { kind: "refused", check: decision.check };
    const next: SeatLedger = {
      ...ledger.value,
      counts: addCounts(ledger.value.counts, net),
      holds: decision.holds,
      updatedAt: now.toISOString(),
    };
    const result = await deps.commits.commit(ctx.org.id, {
      ledger: { value: next, etag: ledger.etag },
      audit: auditEntry(deps, ctx, part),
      writes: part.map((p) => p.write),
    });
    if (result.ledger === "changed") throw new PreconditionFailedError("The seat ledger changed while saving.");
    if (result.ledger === "failed")
      throw new UnavailableError("The role changes could not be saved. Please try again.");
    // Its audit entry waits in the outbox (with the changes) until the trail is read.
    const landed = result.ledger === "landed";
    const after = landed && result.ledgerEtag ? { value: next, etag: result.ledgerEtag } : undefined;
    return {
      kind: "written",
      writes: result.writes,
      held: landed ? decision.held : null,
      ...(after ? { ledger: after } : {}),
    };
  });
}

function auditEntry(deps: UsersDeps, ctx: RoleChangeContext, part: ChunkPlan[]): AuditEntry {
  return {
    id: deps.newId(),
    orgId: ctx.org.id,
    at: deps.now().toISOString(),
    actor: ctx.actor,
    surface: ctx.surface,
    changes: changesOf(part),
  };
}

function changesOf(planned: readonly ChunkPlan[]): RoleChange[] {
  return planned.map((p) => ({
    user: { id: p.userId, displayName: p.write.member.displayName, email: p.write.member.email },
    from: p.move.from,
    to: p.move.to,
  }));
}
