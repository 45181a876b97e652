import { planState, seatLimit } from "../../domain/access";
import type { AuditActor, AuditSurface, RoleChange } from "../../domain/audit";
import type { MemberRecord } from "../../domain/member";
import type { OrgRecord } from "../../domain/org";
import type { AssignedRole } from "../../domain/roles";
import {
  addCounts,
  checkSeats,
  countDeltas,
  licensedCount,
  movesUp,
  netSeatsNeeded,
  seatsHeldInFlight,
  type RoleMove,
  type SeatCounts,
} from "../../domain/seats";
import type { MemberWrite } from "../../ports/member-roster";
import type { DirectoryUser } from "../../ports/org-directory";
import { recordRoleChanges } from "./audit-trail";
import { ensureLedger, mutateLedger } from "./seat-ledger";
import { seatRefusal } from "./subscription-link";
import type { UsersDeps } from "./users-deps";

export interface RoleChangeInput {
  userId: string;
  role: AssignedRole;
  /** Name and e-mail from Azure DevOps: needed for users without a record. */
  profile?: DirectoryUser;
}

export type RoleChangeOutcome =
  | { userId: string; ok: true; displayName: string; email: string; from: AssignedRole | null; to: AssignedRole; changed: boolean }
  | { userId: string; ok: false; message: string };

export interface RoleChangeContext {
  org: OrgRecord;
  actor: AuditActor;
  surface: AuditSurface;
  /**
   * Looks up users Timetracker has no record of (in Azure DevOps) and without a profile in
   * the input; ids it does not return are not users of the org and fail.
   */
  lookUp?: (userIds: string[]) => Promise<Map<string, DirectoryUser>>;
  /** Only create records: users who have one keep their role (a first visit never demotes). */
  createOnly?: boolean;
}

export const NOT_IN_ORG = "This user is not a user of this Azure DevOps organization.";

interface Planned {
  userId: string;
  move: RoleMove;
  write: MemberWrite;
}

/** Rounds for entries another request changed in between (each round re-reads them). */
const MAX_ROUNDS = 3;

/**
 * Assigns roles in bulk under the seat limit (DESIGN.md §5), in one request per batch:
 *
 * 1. the seat check covers the whole request before anything is written (so a swap at full
 *    capacity fits); a refusal writes nothing;
 * 2. moves that free seats or add to no counter are written first; their decrements are
 *    released on the ledger after the writes landed;
 * 3. moves that add to a counter reserve on the ledger first (etag-guarded, retried), then
 *    are written; what did not land is released again.
 *
 * The ledger therefore never counts fewer licensed members than exist, and concurrent
 * requests can never license more than the seats.
 */
export async function applyRoleChanges(deps: UsersDeps, ctx: RoleChangeContext, inputs: readonly RoleChangeInput[]): Promise<RoleChangeOutcome[]> {
  const outcomes = new Map<string, RoleChangeOutcome>();
  const limit = seatLimit(planState(ctx.org, deps.s.now()));
  let pending = [...inputs];
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
    const planned = await plan(deps, ctx, pending, outcomes);
    if (round === 0) await checkWholeRequest(deps, ctx, planned, limit);
    const retry = new Set<string>();
    await writePhase(deps, ctx, planned.filter((p) => !movesUp(p.move)), { reserve: false, limit }, outcomes, retry);
    await writePhase(deps, ctx, planned.filter((p) => movesUp(p.move)), { reserve: true, limit }, outcomes, retry);
    pending = pending.filter((input) => retry.has(input.userId));
  }
  for (const input of pending) {
    outcomes.set(input.userId, { userId: input.userId, ok: false, message: "Someone else kept changing this user at the same time; try again." });
  }
  const changes: RoleChange[] = [];
  for (const outcome of outcomes.values()) {
    if (outcome.ok && outcome.changed) {
      changes.push({ user: { id: outcome.userId, displayName: outcome.displayName, email: outcome.email }, from: outcome.from, to: outcome.to });
    }
  }
  await recordRoleChanges(deps, ctx, changes);
  return inputs.map((input) => outcomes.get(input.userId)!);
}

async function plan(deps: UsersDeps, ctx: RoleChangeContext, inputs: RoleChangeInput[], outcomes: Map<string, RoleChangeOutcome>): Promise<Planned[]> {
  const current = await deps.roster.readMany(ctx.org.id, inputs.map((i) => i.userId));
  const unknown = inputs.filter((i) => !current.has(i.userId) && !i.profile).map((i) => i.userId);
  const found = unknown.length > 0 && ctx.lookUp ? await ctx.lookUp(unknown) : new Map<string, DirectoryUser>();
  const now = deps.s.now().toISOString();
  const planned: Planned[] = [];
  for (const input of inputs) {
    const existing = current.get(input.userId);
    if (existing && (existing.value.role === input.role || ctx.createOnly)) {
      const { displayName, email, role } = existing.value;
      outcomes.set(input.userId, { userId: input.userId, ok: true, displayName, email, from: role, to: role, changed: false });
      continue;
    }
    const profile = input.profile ?? found.get(input.userId);
    const base = existing?.value ?? (profile ? newMember(ctx.org.id, input.userId, profile) : null);
    if (!base) {
      outcomes.set(input.userId, { userId: input.userId, ok: false, message: NOT_IN_ORG });
      continue;
    }
    const member: MemberRecord = { ...base, role: input.role, updatedAt: now, updatedBy: ctx.actor.id };
    planned.push({
      userId: input.userId,
      move: { from: existing?.value.role ?? null, to: input.role },
      write: existing ? { kind: "replace", member, etag: existing.etag } : { kind: "create", member },
    });
  }
  return planned;
}

function newMember(orgId: string, userId: string, profile: DirectoryUser): MemberRecord {
  return { orgId, userId, role: "None", displayName: profile.displayName, email: profile.email, uniqueName: profile.uniqueName, updatedAt: "", updatedBy: "" };
}

async function checkWholeRequest(deps: UsersDeps, ctx: RoleChangeContext, planned: Planned[], limit: number | null): Promise<void> {
  if (limit === null || planned.length === 0) return;
  const ledger = (await ensureLedger(deps, ctx.org)).value;
  const needed = netSeatsNeeded(planned.map((p) => p.move), ledger.defaultCounted);
  const check = checkSeats(licensedCount(ledger.counts, ledger.defaultCounted), needed, limit);
  if (!check.ok) throw seatRefusal(deps.s.config, ctx.org.name, check);
}

/**
 * Writes one phase. With `reserve` (moves that add to a counter) the increments are reserved
 * on the ledger first, checked against the limit; decrements are released after the writes,
 * only for the writes that landed, together with the increments of writes that did not.
 */
async function writePhase(
  deps: UsersDeps,
  ctx: RoleChangeContext,
  planned: Planned[],
  phase: { reserve: boolean; limit: number | null },
  outcomes: Map<string, RoleChangeOutcome>,
  retry: Set<string>,
): Promise<void> {
  if (planned.length === 0) return;
  const moves = planned.map((p) => p.move);
  const { increments } = countDeltas(moves);
  if (phase.reserve) {
    await mutateLedger(deps, ctx.org, (ledger) => {
      const check = checkSeats(licensedCount(ledger.counts, ledger.defaultCounted), seatsHeldInFlight(moves, ledger.defaultCounted), phase.limit);
      if (!check.ok) throw seatRefusal(deps.s.config, ctx.org.name, check);
      return { ...ledger, counts: addCounts(ledger.counts, increments) };
    });
  }
  // If the bulk call itself fails, which writes landed is unknown: the reservation stays (the
  // ledger errs on the safe side) and the reconcile timer recounts later.
  const results = await deps.roster.writeMany(ctx.org.id, planned.map((p) => p.write));
  const landed: RoleMove[] = [];
  const notLanded: RoleMove[] = [];
  results.forEach((result, i) => {
    const p = planned[i]!;
    if (result.ok) {
      landed.push(p.move);
      const { displayName, email } = p.write.member;
      outcomes.set(p.userId, { userId: p.userId, ok: true, displayName, email, from: p.move.from, to: p.move.to, changed: true });
      return;
    }
    notLanded.push(p.move);
    if (result.reason === "changed") retry.add(p.userId);
    else outcomes.set(p.userId, { userId: p.userId, ok: false, message: result.message });
  });
  const released = addCounts(countDeltas(landed).decrements, phase.reserve ? countDeltas(notLanded).increments : { explicit: 0, onDefault: 0 });
  await release(deps, ctx.org, released);
}

async function release(deps: UsersDeps, org: OrgRecord, counts: SeatCounts): Promise<void> {
  if (counts.explicit === 0 && counts.onDefault === 0) return;
  await mutateLedger(deps, org, (ledger) => ({ ...ledger, counts: addCounts(ledger.counts, counts, -1) }));
}
