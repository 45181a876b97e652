import { planState, seatLimit } from "../../domain/access";
import { chunk } from "../../domain/chunk";
import type { MemberRecord } from "../../domain/member";
import { retryOnConflict, TooManyChangesError } from "../../domain/retry-on-conflict";
import {
  checkSeats,
  defaultIsCounted,
  licensedCount,
  licensedDelta,
  netSeatsNeeded,
  seatLimitMessage,
} from "../../domain/seats";
import type { MemberWrite } from "../../ports/member-roster";
import type { DirectoryUser } from "../../ports/org-directory";
import { MAX_COMMIT_WRITES } from "../../ports/seat-commit";
import { commitChunk, type ChunkPlan } from "./commit-chunk";
import type { RoleChangeContext, RoleChangeInput, RoleChangeOutcome } from "./role-change";
import { ensureLedger } from "./seat-ledger";
import { seatRefusal } from "./subscription-link";
import type { UsersDeps } from "./users-deps";

export const NOT_IN_ORG = "This user is not a user of this Azure DevOps organization.";
const KEPT_CHANGING = "Someone else kept changing this user at the same time; try again.";

/** Rounds for entries another request changed in between (each round reads them again); then KEPT_CHANGING. */
const CHANGED_ENTRY_ROUNDS = 3;

/** Some entries were changed by another request while this round wrote them: read them again. */
class EntriesChanged extends Error {}

/**
 * Assigns roles in bulk under the seat limit (docs/architecture.md, "The seat protocol"), in one request per batch:
 *
 * 1. the seat check covers the whole request before anything is written (a swap at full
 *    capacity fits); a refusal writes nothing;
 * 2. the changes are written in transactional batches of up to 98 members together with the
 *    seat ledger (guarded by its etag, checked against the seats) and their audit entry, so
 *    counters, members and audit never disagree, whatever fails in between;
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
  let refusal: { free: number; needed: number } | null = null;
  let pending = [...inputs];
  const round = async (index: number) => {
    if (pending.length === 0) return;
    const planned = await plan(deps, ctx, pending, outcomes);
    if (index === 0) await checkWholeRequest(deps, ctx, planned, limit);
    const retry = new Set<string>();
    const counted = defaultIsCounted(ctx.org.defaultRole);
    const ordered = [...planned].sort((a, b) => licensedDelta(a.move, counted) - licensedDelta(b.move, counted));
    for (const part of chunk(ordered, MAX_COMMIT_WRITES)) {
      if (refusal) {
        for (const p of part)
          outcomes.set(p.userId, { userId: p.userId, ok: false, message: seatLimitMessage(refusal) });
        continue;
      }
      const result = await commitChunk(deps, ctx, part, limit);
      if (result.kind === "refused") {
        refusal = result.check;
        for (const p of part)
          outcomes.set(p.userId, { userId: p.userId, ok: false, message: seatLimitMessage(refusal) });
        continue;
      }
      part.forEach((p, i) => {
        const r = result.writes[i];
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
    pending = pending.filter((input) => retry.has(input.userId));
    if (pending.length > 0 && !refusal) throw new EntriesChanged();
  };
  try {
    await retryOnConflict(
      { attempts: CHANGED_ENTRY_ROUNDS, isConflict: (error) => error instanceof EntriesChanged },
      round,
    );
  } catch (error) {
    // A bulk request answers per entry: the ones that kept changing say so, the others stand.
    // Any other failure (a seat batch that kept losing the ledger race included) fails the request.
    if (!(error instanceof TooManyChangesError && error.lastConflict instanceof EntriesChanged)) throw error;
  }
  for (const input of pending)
    if (!outcomes.has(input.userId))
      outcomes.set(input.userId, { userId: input.userId, ok: false, message: KEPT_CHANGING });
  const nothingChanged = ![...outcomes.values()].some((o) => o.ok && o.changed);
  if (refusal && nothingChanged) throw seatRefusal(deps.settings, ctx.org.name, refusal);
  return inputs.map(
    (input) => outcomes.get(input.userId) ?? { userId: input.userId, ok: false, message: KEPT_CHANGING },
  );
}

async function plan(
  deps: UsersDeps,
  ctx: RoleChangeContext,
  inputs: RoleChangeInput[],
  outcomes: Map<string, RoleChangeOutcome>,
): Promise<ChunkPlan[]> {
  const current = await deps.roster.readMany(
    ctx.org.id,
    inputs.map((i) => i.userId),
  );
  const unknown = inputs.filter((i) => !current.has(i.userId) && !i.profile).map((i) => i.userId);
  const found = unknown.length > 0 && ctx.lookUp ? await ctx.lookUp(unknown) : new Map<string, DirectoryUser>();
  const now = deps.now().toISOString();
  const planned: ChunkPlan[] = [];
  for (const input of inputs) {
    const existing = current.get(input.userId);
    if (existing && (existing.value.role === input.role || ctx.createOnly)) {
      const { displayName, email, role } = existing.value;
      outcomes.set(input.userId, {
        userId: input.userId,
        ok: true,
        displayName,
        email,
        from: role,
        to: role,
        changed: false,
      });
      continue;
    }
    const profile = input.profile ?? found.get(input.userId);
    const base = existing?.value ?? (profile ? newMember(ctx.org.id, input.userId, profile) : null);
    if (!base) {
      outcomes.set(input.userId, { userId: input.userId, ok: false, message: NOT_IN_ORG });
      continue;
    }
    const member: MemberRecord = { ...base, role: input.role, updatedAt: now, updatedBy: ctx.actor.id };
    const write: MemberWrite = existing ? { kind: "replace", member, etag: existing.etag } : { kind: "create", member };
    planned.push({ userId: input.userId, move: { from: existing?.value.role ?? null, to: input.role }, write });
  }
  return planned;
}

function newMember(orgId: string, userId: string, profile: DirectoryUser): MemberRecord {
  return {
    orgId,
    userId,
    role: "None",
    displayName: profile.displayName,
    email: profile.email,
    uniqueName: profile.uniqueName,
    updatedAt: "",
    updatedBy: "",
  };
}

async function checkWholeRequest(
  deps: UsersDeps,
  ctx: RoleChangeContext,
  planned: ChunkPlan[],
  limit: number | null,
): Promise<void> {
  if (limit === null || planned.length === 0) return;
  const ledger = (await ensureLedger(deps, ctx.org)).value;
  const needed = netSeatsNeeded(
    planned.map((p) => p.move),
    ledger.defaultCounted,
  );
  const check = checkSeats(licensedCount(ledger.counts, ledger.defaultCounted), needed, limit);
  if (!check.ok) throw seatRefusal(deps.settings, ctx.org.name, check);
}
