/**
 * Seat holds (docs/architecture.md, "The seat protocol"): a role change too large for one
 * transactional batch keeps, on the seat ledger, the seats its later batches need, so that a
 * change racing it between two batches cannot take them and leave it half-applied. Every
 * seat check counts the holds of other changes as taken. A hold lapses on its own when the
 * change that made it stops without releasing it (a crash, a closed page).
 */
export interface SeatHold {
  /** The change that holds the seats: a page's hold id, or one request's own. */
  id: string;
  seats: number;
  /** ISO time after which the hold no longer counts. */
  until: string;
}

/** How long a hold outlives the last write of its change: a page sends its next batch well within it. */
export const SEAT_HOLD_MS = 2 * 60_000;

const live = (hold: SeatHold, now: Date) => Date.parse(hold.until) > now.getTime();

/** Seats held now by every change but `own`. */
export function heldByOthers(holds: readonly SeatHold[], now: Date, own?: string): number {
  return holds.reduce((sum, h) => (h.id !== own && live(h, now) ? sum + h.seats : sum), 0);
}

/** Seats `id` holds now (0 when it holds none or its hold lapsed). */
export function heldBy(holds: readonly SeatHold[], id: string, now: Date): number {
  const hold = holds.find((h) => h.id === id);
  return hold && live(hold, now) ? hold.seats : 0;
}

/**
 * The holds after `id` holds `seats` from now on (none when `seats` is 0), renewed for
 * SEAT_HOLD_MS; lapsed holds are dropped, so the ledger carries only live ones.
 */
export function withHold(holds: readonly SeatHold[], id: string, seats: number, now: Date): SeatHold[] {
  const others = holds.filter((h) => h.id !== id && live(h, now));
  if (seats <= 0) return others;
  return [...others, { id, seats, until: new Date(now.getTime() + SEAT_HOLD_MS).toISOString() }];
}

/**
 * What a hold is after one batch of its change: what it held, less the seats the batch took,
 * but never less than what the rest of this request still needs (`rest`). A page's hold
 * covers later requests too, so it keeps the remainder; a request's own hold ends at `rest`.
 */
export function holdAfterBatch(held: number, batchTakes: number, rest: number): number {
  return Math.max(held - Math.max(0, batchTakes), Math.max(0, rest));
}
