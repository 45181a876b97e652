import type { AuditEntry, RoleChange } from "../../domain/audit";
import { UnavailableError } from "../../domain/errors";
import { addCounts, checkSeats, countDeltas, licensedCount, netSeatsNeeded, type RoleMove, type SeatCounts } from "../../domain/seats";
import type { MemberWrite } from "../../ports/member-roster";
import type { OpResult } from "../../ports/seat-commit";
import type { RoleChangeContext } from "./apply-role-changes";
import { ensureLedger, mutateLedger } from "./seat-ledger";
import type { UsersDeps } from "./users-deps";

export interface ChunkPlan {
  userId: string;
  move: RoleMove;
  write: MemberWrite;
}

export type ChunkResult =
  | { kind: "refused"; check: { free: number; needed: number } }
  /** Per write: landed, changed (read again and retry), failed; and the audit entry of what landed. */
  /** `exact`: the stored outbox entry lists exactly the changes that landed. */
  | { kind: "written"; writes: OpResult[]; outbox: { id: string; entry: AuditEntry | null; exact: boolean } | null };

const MAX_ATTEMPTS = 40;
const BACKOFF_CAP_MS = 120;

/**
 * One transactional batch: the ledger moved by exactly this chunk's deltas (after checking
 * its net seats against the limit), its audit entry and its member writes. Another request
 * that wrote the ledger first makes the batch fail as a whole: read again and retry.
 *
 * Where batches are not atomic (the emulator runs the writes before a failing one and keeps
 * them), the batch's ledger takes this chunk's seats but frees none, and the writes that free
 * seats come first (applyRoleChanges orders them): a member write that fails then never
 * leaves a seat the ledger counts as free while someone still holds it. Seats are freed
 * after the batch, for the writes that landed.
 */
export async function commitChunk(deps: UsersDeps, ctx: RoleChangeContext, part: ChunkPlan[], limit: number | null): Promise<ChunkResult> {
  const moves = part.map((p) => p.move);
  const { increments, decrements } = countDeltas(moves);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const ledger = await ensureLedger(deps, ctx.org);
    const check = checkSeats(licensedCount(ledger.value.counts, ledger.value.defaultCounted), netSeatsNeeded(moves, ledger.value.defaultCounted), limit);
    if (!check.ok) return { kind: "refused", check };
    const inBatch = deps.commits.atomicBatches ? netCounts(increments, decrements) : increments;
    const counts = addCounts(ledger.value.counts, inBatch);
    const audit = auditEntry(deps, ctx, part);
    const result = await deps.commits.commit(ctx.org.id, {
      ledger: { value: { ...ledger.value, counts, updatedAt: deps.now().toISOString() }, etag: ledger.etag },
      audit,
      writes: part.map((p) => p.write),
    });
    if (result.ledger === "changed") {
      await deps.sleep(Math.random() * Math.min(BACKOFF_CAP_MS, 5 * 2 ** Math.min(attempt, 5)));
      continue;
    }
    if (result.ledger === "failed") throw new UnavailableError("The role changes could not be saved. Please try again.");
    const landed = part.filter((_, i) => result.writes[i] === "landed");
    if (result.ledger === "landed") {
      // Bring the ledger from what the batch wrote to what landed: writes that did not land
      // (the emulator keeps what ran before a failing one) and seats freed after the batch.
      const done = countDeltas(landed.map((p) => p.move));
      const correction = addCounts(netCounts(done.increments, done.decrements), inBatch, -1);
      if (correction.explicit !== 0 || correction.onDefault !== 0) {
        await mutateLedger(deps, ctx.org, (l) => ({ ...l, counts: addCounts(l.counts, correction) }));
      }
    }
    // The outbox entry (if it landed) is cleared in any case; only what landed reaches the trail.
    const entry = landed.length > 0 ? { ...audit, changes: changesOf(landed) } : null;
    const outbox = result.audit === "landed" ? { id: audit.id, entry, exact: landed.length === part.length } : null;
    return { kind: "written", writes: result.writes, outbox };
  }
  throw new UnavailableError("Too many changes to the users of this organization at once. Please try again in a moment.");
}

const netCounts = (increments: SeatCounts, decrements: SeatCounts): SeatCounts => addCounts(increments, decrements, -1);

function auditEntry(deps: UsersDeps, ctx: RoleChangeContext, part: ChunkPlan[]): AuditEntry {
  return { id: deps.newId(), orgId: ctx.org.id, at: deps.now().toISOString(), actor: ctx.actor, surface: ctx.surface, changes: changesOf(part) };
}

function changesOf(planned: readonly ChunkPlan[]): RoleChange[] {
  return planned.map((p) => ({ user: { id: p.userId, displayName: p.write.member.displayName, email: p.write.member.email }, from: p.move.from, to: p.move.to }));
}
