import { describe, expect, it } from "vitest";
import { durationProblem, formatClock, formatDuration, parseDuration } from "./duration";

describe("durations", () => {
  it("reads the ways people type a length", () => {
    expect(parseDuration("1h 30m")).toBe(5400);
    expect(parseDuration("1.5h")).toBe(5400);
    expect(parseDuration("1,5 h")).toBe(5400);
    expect(parseDuration("90m")).toBe(5400);
    expect(parseDuration("90 min")).toBe(5400);
    expect(parseDuration("90")).toBe(5400);
    expect(parseDuration("1:30")).toBe(5400);
    expect(parseDuration("2h")).toBe(7200);
  });

  it("refuses what is not a length", () => {
    for (const text of ["", "h", "abc", "1:75", "-1h", "1h30"]) expect(parseDuration(text)).toBeNull();
  });

  it("explains lengths that cannot be saved", () => {
    expect(durationProblem("0m")).toMatch(/more than zero/);
    expect(durationProblem("25h")).toMatch(/at most 24 hours/);
    expect(durationProblem("soon")).toMatch(/like 1h 30m/);
    expect(durationProblem("24h")).toBeUndefined();
  });

  it("formats lengths and running clocks", () => {
    expect(formatDuration(5400)).toBe("1h 30m");
    expect(formatDuration(7200)).toBe("2h");
    expect(formatDuration(2700)).toBe("45m");
    expect(formatDuration(42)).toBe("42s");
    expect(formatDuration(0)).toBe("0m");
    expect(formatClock(309)).toBe("0:05:09");
    expect(formatClock(43200)).toBe("12:00:00");
  });
});
