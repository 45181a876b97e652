import type { AuditEntry, RoleChange } from "../../domain/audit";
import { UnavailableError } from "../../domain/errors";
import { addCounts, checkSeats, countDeltas, licensedCount, netSeatsNeeded, type RoleMove } from "../../domain/seats";
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
 */
export async function commitChunk(deps: UsersDeps, ctx: RoleChangeContext, part: ChunkPlan[], limit: number | null): Promise<ChunkResult> {
  const moves = part.map((p) => p.move);
  const { increments, decrements } = countDeltas(moves);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const ledger = await ensureLedger(deps, ctx.org);
    const check = checkSeats(licensedCount(ledger.value.counts, ledger.value.defaultCounted), netSeatsNeeded(moves, ledger.value.defaultCounted), limit);
    if (!check.ok) return { kind: "refused", check };
    const counts = addCounts(addCounts(ledger.value.counts, increments), decrements, -1);
    const audit = auditEntry(deps, ctx, part);
    const result = await deps.commits.commit(ctx.org.id, {
      ledger: { value: { ...ledger.value, counts, updatedAt: deps.s.now().toISOString() }, etag: ledger.etag },
      audit,
      writes: part.map((p) => p.write),
    });
    if (result.ledger === "changed") {
      await deps.sleep(Math.random() * Math.min(BACKOFF_CAP_MS, 5 * 2 ** Math.min(attempt, 5)));
      continue;
    }
    if (result.ledger === "failed") throw new UnavailableError("The role changes could not be saved. Please try again.");
    const landed = part.filter((_, i) => result.writes[i] === "landed");
    if (result.ledger === "landed" && landed.length < part.length) {
      // The store kept what ran before the failing write (the emulator's batches are not
      // atomic): take the writes that did not land back out of the ledger.
      const missed = countDeltas(part.filter((_, i) => result.writes[i] !== "landed").map((p) => p.move));
      await mutateLedger(deps, ctx.org, (l) => ({ ...l, counts: addCounts(addCounts(l.counts, missed.increments, -1), missed.decrements) }));
    }
    // The outbox entry (if it landed) is cleared in any case; only what landed reaches the trail.
    const entry = landed.length > 0 ? { ...audit, changes: changesOf(landed) } : null;
    const outbox = result.audit === "landed" ? { id: audit.id, entry, exact: landed.length === part.length } : null;
    return { kind: "written", writes: result.writes, outbox };
  }
  throw new UnavailableError("Too many changes to the users of this organization at once. Please try again in a moment.");
}

function auditEntry(deps: UsersDeps, ctx: RoleChangeContext, part: ChunkPlan[]): AuditEntry {
  return { id: deps.newId(), orgId: ctx.org.id, at: deps.s.now().toISOString(), actor: ctx.actor, surface: ctx.surface, changes: changesOf(part) };
}

function changesOf(planned: readonly ChunkPlan[]): RoleChange[] {
  return planned.map((p) => ({ user: { id: p.userId, displayName: p.write.member.displayName, email: p.write.member.email }, from: p.move.from, to: p.move.to }));
}
