import { isLicensed, type AssignedRole, type Role } from "./roles";

/**
 * Seat accounting (docs/architecture.md, "The seat protocol"): licensed members may never exceed the plan's seats, also
 * under concurrent requests. Pure rules; the ledger document that holds the counters and the
 * transactional writes live in use-cases/users.
 *
 * A member sits in one of three categories. "default" members are licensed exactly when the
 * org's default role is, so changing the default role moves all of them at once.
 */
export type SeatCategory = "none" | "explicit" | "default";

export interface SeatCounts {
  /** Members with an explicit licensed role (Team, Product, Budget, Administrator). */
  explicit: number;
  /** Members assigned "Default". */
  onDefault: number;
}

export const ZERO_COUNTS: SeatCounts = { explicit: 0, onDefault: 0 };

/** A member without a record is unlicensed, like one assigned None. */
export function categoryOf(role: AssignedRole | null): SeatCategory {
  if (role === null || role === "None") return "none";
  return role === "Default" ? "default" : "explicit";
}

/** Licensed members given the counters and whether members on Default count. */
export function licensedCount(counts: SeatCounts, defaultCounted: boolean): number {
  return counts.explicit + (defaultCounted ? counts.onDefault : 0);
}

export function defaultIsCounted(defaultRole: Role): boolean {
  return isLicensed(defaultRole);
}

export interface RoleMove {
  from: AssignedRole | null;
  to: AssignedRole;
}

function counterOf(category: SeatCategory): keyof SeatCounts | null {
  if (category === "explicit") return "explicit";
  if (category === "default") return "onDefault";
  return null;
}

/** Counter increments and decrements of a set of moves (a move within a category changes nothing): the ledger's delta. */
export function countDeltas(moves: readonly RoleMove[]): { increments: SeatCounts; decrements: SeatCounts } {
  const increments = { ...ZERO_COUNTS };
  const decrements = { ...ZERO_COUNTS };
  for (const move of moves) {
    const from = counterOf(categoryOf(move.from));
    const to = counterOf(categoryOf(move.to));
    if (from === to) continue;
    if (to) increments[to] += 1;
    if (from) decrements[from] += 1;
  }
  return { increments, decrements };
}

/** Change of the licensed count caused by one move (+1 takes a seat, -1 frees one). */
export function licensedDelta(move: RoleMove, defaultCounted: boolean): number {
  return seatHeld(categoryOf(move.to), defaultCounted) - seatHeld(categoryOf(move.from), defaultCounted);
}

// Not a closure inside licensedDelta: a sort of 20,000 moves calls it twice per comparison.
function seatHeld(category: SeatCategory, defaultCounted: boolean): number {
  return category === "explicit" || (category === "default" && defaultCounted) ? 1 : 0;
}

export function addCounts(a: SeatCounts, b: SeatCounts, sign: 1 | -1 = 1): SeatCounts {
  return { explicit: a.explicit + sign * b.explicit, onDefault: a.onDefault + sign * b.onDefault };
}

/** Why a request does not fit: seats free now, seats it needs, and how many users the plan must be for so it fits. */
export interface SeatShortfall {
  free: number;
  needed: number;
  /** Licensed now plus `needed`: the Subscription page's Users Assignable that makes it fit. */
  usersNeeded: number;
}

export type SeatCheck = { ok: true } | ({ ok: false } & SeatShortfall);

/**
 * Whether `needed` more seats fit. `limit` null is unlimited (trial). Only requests that add
 * licensed members are refused, so an org above its seats (after a downgrade) can still move
 * people between roles and free seats.
 */
export function checkSeats(licensedNow: number, needed: number, limit: number | null): SeatCheck {
  if (limit === null || needed <= 0) return { ok: true };
  if (licensedNow + needed <= limit) return { ok: true };
  return { ok: false, free: Math.max(0, limit - licensedNow), needed, usersNeeded: licensedNow + needed };
}

/** Seats a request needs: the net of all its moves, so a swap at full capacity fits. */
export function netSeatsNeeded(moves: readonly RoleMove[], defaultCounted: boolean): number {
  return moves.reduce((sum, move) => sum + licensedDelta(move, defaultCounted), 0);
}

/** "1 seat is free" / "3 seats are free", for refusals. */
export function seatLimitMessage(check: { free: number; needed: number }): string {
  const free = check.free === 1 ? "1 seat is free" : `${check.free} seats are free`;
  const needed = check.needed === 1 ? "1 more licensed user" : `${check.needed} more licensed users`;
  return `Not enough seats: this change needs ${needed}, but only ${free} on your current plan. Free seats by setting users to None, or add seats on the Subscription page.`;
}

/**
 * Which moves fit, taken in order: every move that frees or keeps a seat, and seat-taking
 * moves while seats are free (a later free seat is never handed to someone further back).
 * For a group rule's sync, which licenses members up to the free seats.
 */
export function fitInOrder(
  moves: readonly RoleMove[],
  licensedNow: number,
  limit: number | null,
  defaultCounted: boolean,
): boolean[] {
  if (limit === null) return moves.map(() => true);
  const freed = moves.reduce((sum, m) => sum + Math.max(0, -licensedDelta(m, defaultCounted)), 0);
  let free = limit - licensedNow + freed;
  let full = false;
  return moves.map((move) => {
    const delta = licensedDelta(move, defaultCounted);
    if (delta <= 0) return true;
    if (full || free < delta) {
      full = true;
      return false;
    }
    free -= delta;
    return true;
  });
}
