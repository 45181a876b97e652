import { describe, expect, it } from "vitest";
import { SEAT_HOLD_MS, heldBy, heldByOthers, holdAfterBatch, withHold, type SeatHold } from "./seat-holds";

const NOW = new Date("2026-12-04T10:00:00Z");
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const holds: SeatHold[] = [
  { id: "page", seats: 40, until: at(60_000) },
  { id: "request", seats: 7, until: at(1) },
  { id: "lapsed", seats: 100, until: at(0) },
];

describe("seat holds", () => {
  it("counts the live holds of every other change as taken, never a lapsed one", () => {
    expect(heldByOthers(holds, NOW)).toBe(47);
    expect(heldByOthers(holds, NOW, "page")).toBe(7);
    expect(heldBy(holds, "page", NOW)).toBe(40);
    expect(heldBy(holds, "lapsed", NOW)).toBe(0);
    expect(heldBy(holds, "unknown", NOW)).toBe(0);
  });

  it("renews a hold for two minutes, ends it at zero seats, and drops lapsed holds on the way", () => {
    expect(withHold(holds, "request", 3, NOW)).toEqual([
      { id: "page", seats: 40, until: at(60_000) },
      { id: "request", seats: 3, until: at(SEAT_HOLD_MS) },
    ]);
    expect(withHold(holds, "page", 0, NOW)).toEqual([{ id: "request", seats: 7, until: at(1) }]);
  });

  it("after a batch, keeps what the hold had less what the batch took, and at least what the request still needs", () => {
    expect(holdAfterBatch(0, 98, 102)).toBe(102); // a request's own hold: the rest of it
    expect(holdAfterBatch(102, 98, 4)).toBe(4);
    expect(holdAfterBatch(600, 98, 402)).toBe(502); // a page's hold keeps later requests' seats
    expect(holdAfterBatch(10, -5, 0)).toBe(10); // a batch that frees seats takes nothing from it
    expect(holdAfterBatch(10, 98, 0)).toBe(0);
  });
});
