import { describe, expect, it } from "vitest";
import { addDays, endTime, secondsBetween, wallClockTime, weekDays, weekStart, zonedStart } from "./local-dates";

describe("local dates", () => {
  it("finds the Monday of a week and its seven days", () => {
    expect(weekStart("2026-03-04")).toBe("2026-03-02");
    expect(weekStart("2026-03-08")).toBe("2026-03-02");
    expect(weekStart("2026-03-09")).toBe("2026-03-09");
    expect(weekDays("2026-12-28")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("writes a start with the offset the browser's zone has on that day", () => {
    const zoned = zonedStart("2026-03-02", "09:30");
    expect(zoned).toMatch(/^2026-03-02T09:30:00[+-]\d{2}:\d{2}$/);
    const offsetMinutes = -new Date(2026, 2, 2, 9, 30).getTimezoneOffset();
    const sign = offsetMinutes < 0 ? "-" : "+";
    expect(
      zoned.endsWith(
        sign +
          String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, "0") +
          ":" +
          String(Math.abs(offsetMinutes) % 60).padStart(2, "0"),
      ),
    ).toBe(true);
    expect(wallClockTime(zoned)).toBe("09:30");
  });

  it("computes end times and lengths on the wall clock", () => {
    expect(endTime("09:30", 5400)).toBe("11:00");
    expect(endTime("23:30", 3600)).toBe("00:30");
    expect(secondsBetween("09:00", "10:15")).toBe(4500);
    expect(secondsBetween("10:00", "09:00")).toBeNull();
  });
});
