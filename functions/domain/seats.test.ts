import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AssignedRole } from "./roles";
import {
  categoryOf,
  fitInOrder,
  checkSeats,
  countDeltas,
  licensedCount,
  licensedDelta,
  netSeatsNeeded,
  seatLimitMessage,
} from "./seats";

describe("seat rules", () => {
  it("puts unlicensed users, Default members and explicit roles in their categories", () => {
    expect(categoryOf(null)).toBe("none");
    expect(categoryOf("None")).toBe("none");
    expect(categoryOf("Default")).toBe("default");
    expect(categoryOf("Team")).toBe("explicit");
    expect(categoryOf("Administrator")).toBe("explicit");
  });

  it("counts Default members only while the default role is licensed", () => {
    const counts = { explicit: 4, onDefault: 6 };
    expect(licensedCount(counts, true)).toBe(10);
    expect(licensedCount(counts, false)).toBe(4);
  });

  it("says what a move does to the licensed count", () => {
    expect(licensedDelta({ from: null, to: "Team" }, true)).toBe(1);
    expect(licensedDelta({ from: "Team", to: "None" }, true)).toBe(-1);
    expect(licensedDelta({ from: "Team", to: "Product" }, true)).toBe(0);
    expect(licensedDelta({ from: "Team", to: "Default" }, true)).toBe(0);
    expect(licensedDelta({ from: "Team", to: "Default" }, false)).toBe(-1);
    expect(licensedDelta({ from: "Default", to: "Budget" }, false)).toBe(1);
  });

  it("splits moves into the counter increments and decrements the ledger moves by", () => {
    const { increments, decrements } = countDeltas([
      { from: null, to: "Team" },
      { from: "Product", to: "Default" },
      { from: "Default", to: "None" },
      { from: "Team", to: "Budget" },
    ]);
    expect(increments).toEqual({ explicit: 1, onDefault: 1 });
    expect(decrements).toEqual({ explicit: 1, onDefault: 1 });
  });

  it("lets a swap at full capacity through the whole-request check", () => {
    const swap = [
      { from: "Team" as const, to: "None" as const },
      { from: null, to: "Team" as const },
    ];
    expect(netSeatsNeeded(swap, true)).toBe(0);
    expect(checkSeats(3, netSeatsNeeded(swap, true), 3)).toEqual({ ok: true });
  });

  it("refuses only requests that add licensed users beyond the seats, saying how many are free", () => {
    expect(checkSeats(2, 1, 3)).toEqual({ ok: true });
    expect(checkSeats(2, 2, 3)).toEqual({ ok: false, free: 1, needed: 2, usersNeeded: 4 });
    expect(checkSeats(5, 0, 3)).toEqual({ ok: true }); // above the seats after a downgrade: moving people is fine
    expect(checkSeats(5, 1, 3)).toEqual({ ok: false, free: 0, needed: 1, usersNeeded: 6 });
    expect(checkSeats(1_000, 500, null)).toEqual({ ok: true }); // trial
    expect(checkSeats(0, 1, 0)).toEqual({ ok: false, free: 0, needed: 1, usersNeeded: 1 }); // expired or cancelled
  });

  it("words refusals with the free seats and the way out", () => {
    expect(seatLimitMessage({ free: 1, needed: 2 })).toContain("only 1 seat is free");
    expect(seatLimitMessage({ free: 0, needed: 1 })).toContain("needs 1 more licensed user");
    expect(seatLimitMessage({ free: 3, needed: 4 })).toMatch(/3 seats are free.*Subscription page/);
  });
});

describe("filling free seats in order", () => {
  const take = (n: number) => Array.from({ length: n }, () => ({ from: null, to: "Team" as const }));

  it("takes seat-taking moves in order while seats are free, and every move that frees or keeps one", () => {
    const moves = [
      ...take(3),
      { from: "Team" as const, to: "None" as const },
      { from: "Team" as const, to: "Product" as const },
    ];
    expect(fitInOrder(moves, 9, 10, true)).toEqual([true, true, false, true, true]);
  });

  it("never lets a later move take a seat an earlier one was refused", () => {
    const moves = [
      { from: null, to: "Team" as const },
      { from: "None" as const, to: "Default" as const },
    ];
    // Default is not counted here: the second move needs no seat, the first finds none.
    expect(fitInOrder(moves, 10, 10, false)).toEqual([false, true]);
    expect(fitInOrder(take(3), 8, 10, true)).toEqual([true, true, false]);
  });

  it("fits everything without a limit (trial)", () => {
    expect(fitInOrder(take(5), 100, null, true)).toEqual([true, true, true, true, true]);
  });

  it("never ends above the limit, and refuses only when full (property)", () => {
    const move = fc.record({
      from: fc.constantFrom<AssignedRole | null>(null, "None", "Team", "Default"),
      to: fc.constantFrom<AssignedRole>("None", "Team", "Default", "Product"),
    });
    fc.assert(
      fc.property(
        fc.array(move, { maxLength: 30 }),
        fc.nat(20),
        fc.nat(20),
        fc.boolean(),
        (moves, licensed, limit, counted) => {
          const fits = fitInOrder(moves, licensed, limit, counted);
          const kept = moves.filter((_, i) => fits[i]);
          const after = licensed + netSeatsNeeded(kept, counted);
          const tookSeat = kept.some((m) => licensedDelta(m, counted) > 0);
          if (tookSeat) expect(after).toBeLessThanOrEqual(limit);
          const refused = moves.filter((_, i) => !fits[i]);
          for (const m of refused) expect(licensedDelta(m, counted)).toBeGreaterThan(0);
        },
      ),
    );
  });
});
