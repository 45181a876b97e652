import { describe, expect, it } from "vitest";
import {
  daysBetween,
  formatZonedTime,
  isCalendarDate,
  localDate,
  nextLocalMidnightMs,
  parseZonedTime,
} from "./zoned-time";

describe("zoned time", () => {
  it("keeps the user's offset through a round trip", () => {
    for (const text of [
      "2026-03-02T09:00:00+01:00",
      "2026-03-02T09:00:00-05:30",
      "2026-03-02T23:59:59+14:00",
      "2026-03-02T00:00:00+00:00",
    ]) {
      expect(formatZonedTime(parseZonedTime(text)!)).toBe(text);
    }
    expect(formatZonedTime(parseZonedTime("2026-03-02T09:00Z")!)).toBe("2026-03-02T09:00:00+00:00");
  });

  it("refuses timestamps without an offset and impossible dates", () => {
    for (const text of [
      "2026-03-02T09:00:00",
      "2026-02-30T09:00:00Z",
      "2026-03-02T24:00:00Z",
      "2026-03-02T09:00:00+15:00",
      "2026-03-02",
      "yesterday",
      "2026-03-02T09:00:00+01:60",
    ]) {
      expect(parseZonedTime(text)).toBeNull();
    }
  });

  it("puts a moment on the user's own calendar day", () => {
    expect(localDate(parseZonedTime("2026-03-02T00:30:00+01:00")!)).toBe("2026-03-02");
    expect(localDate(parseZonedTime("2026-03-01T23:30:00Z")!)).toBe("2026-03-01");
  });

  it("finds the next local midnight", () => {
    const t = parseZonedTime("2026-03-02T23:30:00+01:00")!;
    expect(new Date(nextLocalMidnightMs(t)).toISOString()).toBe("2026-03-02T23:00:00.000Z");
  });

  it("checks calendar dates and counts days", () => {
    expect(isCalendarDate("2026-03-02")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(daysBetween("2026-03-02", "2026-03-08")).toBe(6);
  });
});
