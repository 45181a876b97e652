import { describe, expect, it } from "vitest";
import { prorate, remainingDays, termDays } from "./proration";
import { addPeriods } from "./time";

const at = (iso: string): number => Date.parse(iso) / 1000;

describe("terms and day-based proration", () => {
  it("keeps the billing day of month across short months", () => {
    const anchor = at("2026-01-31T10:00:00Z");
    expect(addPeriods(anchor, "month", 1)).toBe(at("2026-02-28T10:00:00Z"));
    expect(addPeriods(anchor, "month", 2)).toBe(at("2026-03-31T10:00:00Z"));
    expect(addPeriods(at("2028-02-29T00:00:00Z"), "year", 1)).toBe(at("2029-02-28T00:00:00Z"));
  });

  it("counts the day of the change as unused", () => {
    const start = at("2026-07-10T09:00:00Z");
    const end = at("2026-08-10T09:00:00Z");
    expect(termDays(start, end)).toBe(31);
    expect(remainingDays(start, start, end)).toBe(31);
    expect(remainingDays(at("2026-07-20T08:00:00Z"), start, end)).toBe(22);
    expect(remainingDays(end, start, end)).toBe(0);
    expect(prorate(16000, 22, 31)).toBe(11355);
  });
});
