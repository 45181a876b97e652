import type { AuditEntry, RoleChange } from "../../domain/audit";
import { PreconditionFailedError, UnavailableError } from "../../domain/errors";
import { jitteredExponential, retryOnConflict } from "../../domain/retry-on-conflict";
import {
  addCounts,
  checkSeats,
  countDeltas,
  licensedCount,
  netSeatsNeeded,
  type RoleMove,
  type SeatShortfall,
} from "../../domain/seats";
import type { MemberWrite } from "../../ports/member-roster";
import type { OpResult } from "../../ports/seat-commit";
import type { SeatLedger } from "../../ports/seat-ledger-store";
import type { Versioned } from "../../ports/versioned";
import type { RoleChangeContext } from "./role-change";
import { ensureLedger } from "./seat-ledger";
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
  | { kind: "written"; writes: OpResult[]; ledger?: Versioned<SeatLedger> };

/** Attempts at the batch while other requests write the ledger first, before giving up with 503 (50 racing requests fit). */
const LEDGER_RACE_ATTEMPTS = 40;
const LEDGER_RACE_BACKOFF = jitteredExponential(5, 120);

/**
 * One transactional batch: the ledger moved by exactly this chunk's net deltas (after
 * checking its net seats against the limit), its audit entry and its member writes; Cosmos
 * applies all or none. Another request that wrote the ledger first makes the batch fail as a
 * whole: read again and retry. A member someone else changed stops the batch too; the
 * caller reads those members again.
 */
export async function commitChunk(
  deps: UsersDeps,
  ctx: RoleChangeContext,
  part: ChunkPlan[],
  limit: number | null,
  /** The ledger as the request's previous batch left it: tried first instead of reading it again. */
  carried?: Versioned<SeatLedger>,
): Promise<ChunkResult> {
  const moves = part.map((p) => p.move);
  const { increments, decrements } = countDeltas(moves);
  const net = addCounts(increments, decrements, -1);
  const policy = {
    attempts: LEDGER_RACE_ATTEMPTS,
    isConflict: (error: unknown) => error instanceof PreconditionFailedError,
    backoff: { delayMs: LEDGER_RACE_BACKOFF, sleep: deps.sleep },
  };
  const seatCheck = (ledger: Versioned<SeatLedger>) =>
    checkSeats(
      licensedCount(ledger.value.counts, ledger.value.defaultCounted),
      netSeatsNeeded(moves, ledger.value.defaultCounted),
      limit,
    );
  let known = carried;
  return retryOnConflict(policy, async (): Promise<ChunkResult> => {
    // A carried ledger saves a read; if another request wrote it since, the batch fails on its
    // etag and the retry reads it. A refusal is decided only on a ledger read just now.
    let ledger = known ?? (await ensureLedger(deps, ctx.org));
    let check = seatCheck(ledger);
    if (!check.ok && known) check = seatCheck((ledger = await ensureLedger(deps, ctx.org)));
    known = undefined;
    if (!check.ok) return { kind: "refused", check };
    const next = { ...ledger.value, counts: addCounts(ledger.value.counts, net), updatedAt: deps.now().toISOString() };
    const result = await deps.commits.commit(ctx.org.id, {
      ledger: { value: next, etag: ledger.etag },
      audit: auditEntry(deps, ctx, part),
      writes: part.map((p) => p.write),
    });
    if (result.ledger === "changed") throw new PreconditionFailedError("The seat ledger changed while saving.");
    if (result.ledger === "failed")
      throw new UnavailableError("The role changes could not be saved. Please try again.");
    // Its audit entry waits in the outbox (with the changes) until the trail is read.
    const after =
      result.ledger === "landed" && result.ledgerEtag ? { value: next, etag: result.ledgerEtag } : undefined;
    return { kind: "written", writes: result.writes, ...(after ? { ledger: after } : {}) };
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
