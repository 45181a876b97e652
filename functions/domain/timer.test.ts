import { describe, expect, it } from "vitest";
import { describeDuration, timerOutcome, TIMER_CAP_SECONDS } from "./timer";

const at = (iso: string) => Date.parse(iso);

describe("timerOutcome", () => {
  it("records one worklog for a run within a day", () => {
    const out = timerOutcome("2026-03-02T09:00:00+01:00", at("2026-03-02T09:45:30+01:00"));
    expect(out.segments).toEqual([{ start: "2026-03-02T09:00:00+01:00", durationSeconds: 45 * 60 + 30 }]);
    expect(out).toMatchObject({ elapsedSeconds: 2730, recordedSeconds: 2730, capped: false, notice: null });
  });

  it("splits a run over the user's midnight into one worklog per day", () => {
    const out = timerOutcome("2026-03-02T23:30:00+01:00", at("2026-03-03T00:15:00+01:00"));
    expect(out.segments).toEqual([
      { start: "2026-03-02T23:30:00+01:00", durationSeconds: 1800 },
      { start: "2026-03-03T00:00:00+01:00", durationSeconds: 900 },
    ]);
    expect(out.notice).toMatch(/past midnight.*2 worklogs, one per day/);
  });

  it("uses the timer's own offset for midnight, not UTC's", () => {
    // 23:30 UTC is already the next day at +02:00: no split.
    const out = timerOutcome("2026-03-03T01:30:00+02:00", at("2026-03-03T00:10:00Z"));
    expect(out.segments).toHaveLength(1);
    const west = timerOutcome("2026-03-02T20:00:00-05:00", at("2026-03-03T06:00:00Z"));
    expect(west.segments.map((s) => s.start)).toEqual(["2026-03-02T20:00:00-05:00", "2026-03-03T00:00:00-05:00"]);
    expect(west.segments.map((s) => s.durationSeconds)).toEqual([4 * 3600, 3600]);
  });

  it("caps a run longer than 24 h at 24 h, split per day, and says so", () => {
    const out = timerOutcome("2026-03-02T10:00:00+00:00", at("2026-03-05T12:30:00Z"));
    expect(out.capped).toBe(true);
    expect(out.recordedSeconds).toBe(TIMER_CAP_SECONDS);
    expect(out.segments).toEqual([
      { start: "2026-03-02T10:00:00+00:00", durationSeconds: 14 * 3600 },
      { start: "2026-03-03T00:00:00+00:00", durationSeconds: 10 * 3600 },
    ]);
    expect(out.notice).toMatch(/ran for 3 d 2 h 30 min, longer than the 24 h.*first 24 h as 2 worklogs/);
  });

  it("records exactly 24 h without a cap notice when it ran exactly a day from midnight", () => {
    const out = timerOutcome("2026-03-02T00:00:00+00:00", at("2026-03-03T00:00:00Z"));
    expect(out.segments).toEqual([{ start: "2026-03-02T00:00:00+00:00", durationSeconds: 86400 }]);
    expect(out.capped).toBe(false);
  });

  it("saves nothing for a run shorter than a second, and says so", () => {
    const out = timerOutcome("2026-03-02T09:00:00+01:00", at("2026-03-02T08:00:00.400Z"));
    expect(out.segments).toEqual([]);
    expect(out.notice).toMatch(/less than a second/);
  });

  it("treats a clock that went backwards as a run of zero length", () => {
    const out = timerOutcome("2026-03-02T09:00:00+01:00", at("2026-03-02T07:00:00Z"));
    expect(out.elapsedSeconds).toBe(0);
    expect(out.segments).toEqual([]);
  });

  it("never produces a worklog longer than a day or outside the run", () => {
    for (let hours = 1; hours < 80; hours += 7) {
      const start = "2026-03-29T22:17:05+05:30";
      const out = timerOutcome(start, at(start) + hours * 3600_000 + 1234);
      const total = out.segments.reduce((sum, s) => sum + s.durationSeconds, 0);
      expect(total).toBe(Math.min(hours * 3600 + 1, TIMER_CAP_SECONDS));
      for (const s of out.segments) expect(s.durationSeconds).toBeGreaterThan(0);
      for (const s of out.segments) expect(s.durationSeconds).toBeLessThanOrEqual(86400);
    }
  });
});

describe("describeDuration", () => {
  it("reads like a person would say it", () => {
    expect(describeDuration(30)).toBe("30 s");
    expect(describeDuration(45 * 60)).toBe("45 min");
    expect(describeDuration(2 * 86400 + 3 * 3600 + 5 * 60)).toBe("2 d 3 h 5 min");
  });
});
