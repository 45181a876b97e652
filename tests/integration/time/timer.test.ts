import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StopTimerResponse, TimerResponse, TimerView } from "../../../functions/contracts/time";
import { backdateTimer, setWorkItemState, startTimeStack, type TimeStack } from "./support/time-stack";

let t: TimeStack;
beforeAll(async () => {
  t = await startTimeStack();
});
afterAll(async () => {
  await t?.stack.stop();
});

const isoHoursAgo = (hours: number, offset = "+00:00") => {
  const local = new Date(Date.now() - hours * 3_600_000 + offsetMinutes(offset) * 60_000);
  return `${local.toISOString().slice(0, 19)}${offset}`;
};
/** A whole-hour-ish offset (in minutes, within -12:00..+12:00) where the local time now is about `minutesAfterMidnight`. */
function offsetWhereLocalTimeIsAbout(minutesAfterMidnight: number): number {
  const now = new Date();
  const utcMinutes = now.getUTCHours() * 60 + now.getUTCMinutes();
  return ((((minutesAfterMidnight - utcMinutes + 720) % 1440) + 1440) % 1440) - 720;
}
function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
function offsetMinutes(offset: string): number {
  const [h, m] = offset.slice(1).split(":").map(Number) as [number, number];
  return (offset.startsWith("-") ? -1 : 1) * (h * 60 + m);
}

describe("timer", () => {
  it("starts on a work item, shows as current, refuses a second start, and stops into a worklog", async () => {
    // Local noon, so the hour the timer runs never crosses the user's midnight, whenever this runs.
    const offset = formatOffset(offsetWhereLocalTimeIsAbout(12 * 60));
    const inOffset = new RegExp(`${offset.replace("+", "\\+")}$`);
    expect(await t.call<TimerResponse>(t.marcus, "GET", "timer")).toMatchObject({ status: 200, body: { timer: null } });
    const started = await t.call<TimerView>(t.marcus, "POST", "timer/start", {
      workItemId: 3,
      utcOffset: offset,
      comment: "pairing",
    });
    expect(started).toMatchObject({
      status: 201,
      body: { workItemId: 3, comment: "pairing", startedAt: expect.stringMatching(inOffset) },
    });
    expect((await t.call<TimerResponse>(t.marcus, "GET", "timer")).body.timer).toMatchObject({ workItemId: 3 });

    const second = await t.call(t.marcus, "POST", "timer/start", { workItemId: 5 });
    expect(second).toMatchObject({
      status: 409,
      body: { error: { message: expect.stringMatching(/already running on work item #3/) } },
    });

    await backdateTimer(t.marcus, isoHoursAgo(1, offset));
    const stopped = await t.call<StopTimerResponse>(t.marcus, "POST", "timer/stop");
    expect(stopped.status).toBe(200);
    expect(stopped.body.notice).toBeNull();
    expect(stopped.body.worklogs).toHaveLength(1);
    expect(stopped.body.worklogs[0]).toMatchObject({
      workItemId: 3,
      comment: "pairing",
      userId: t.marcus.user.id,
      start: expect.stringMatching(inOffset),
    });
    expect(stopped.body.worklogs[0].durationSeconds).toBeGreaterThanOrEqual(3600);
    expect(stopped.body.worklogs[0].durationSeconds).toBeLessThan(3660);
    expect((await t.call<TimerResponse>(t.marcus, "GET", "timer")).body.timer).toBeNull();
  });

  it("refuses to stop a timer that is not running", async () => {
    const { status, body } = await t.call(t.marcus, "POST", "timer/stop");
    expect(status).toBe(409);
    expect(body).toMatchObject({ error: { message: "No timer is running, so there is nothing to stop." } });
  });

  it("splits a timer that ran over midnight into one worklog per day and says so", async () => {
    // A time zone where it is about 01:30 now, and a timer started at 22:30 the evening before.
    const offset = offsetWhereLocalTimeIsAbout(90);
    const localNowMs = Date.now() + offset * 60_000;
    const localMidnightMs = Math.floor(localNowMs / 86_400_000) * 86_400_000;
    const started = `${new Date(localMidnightMs - 5400_000).toISOString().slice(0, 19)}${formatOffset(offset)}`;
    await t.call(t.aisha, "POST", "timer/start", { workItemId: 5, utcOffset: formatOffset(offset) });
    await backdateTimer(t.aisha, started);
    const stopped = await t.call<StopTimerResponse>(t.aisha, "POST", "timer/stop");
    expect(stopped.body.worklogs.map((w) => w.start)).toEqual([
      started,
      expect.stringMatching(new RegExp(`T00:00:00\\${formatOffset(offset)}$`)),
    ]);
    expect(stopped.body.worklogs[0].durationSeconds).toBe(5400);
    expect(stopped.body.worklogs[0].day).not.toBe(stopped.body.worklogs[1].day);
    expect(stopped.body.notice).toMatch(/past midnight.*2 worklogs, one per day/);
  });

  it("caps a timer forgotten for days at 24 h, split per day, and tells the user", async () => {
    await t.call(t.grace, "POST", "timer/start", { workItemId: 5, utcOffset: "-05:00" });
    await backdateTimer(t.grace, isoHoursAgo(75, "-05:00"));
    const stopped = await t.call<StopTimerResponse>(t.grace, "POST", "timer/stop");
    expect(stopped.status).toBe(200);
    const total = stopped.body.worklogs.reduce((sum, w) => sum + w.durationSeconds, 0);
    expect(total).toBe(86_400);
    expect(stopped.body.worklogs.length).toBe(2);
    expect(stopped.body.notice).toMatch(/ran for 3 d 3 h.*longer than the 24 h.*first 24 h/);
  });

  it("refuses to start on an unknown item, with a bad offset, or on a closed item under the rule", async () => {
    expect((await t.call(t.grace, "POST", "timer/start", { workItemId: 777 })).status).toBe(400);
    expect((await t.call(t.grace, "POST", "timer/start", { workItemId: 3, utcOffset: "+15:00" })).status).toBe(400);
    expect((await t.call(t.grace, "POST", "timer/start", { workItemId: 3, utcOffset: "CET" })).status).toBe(400);
    await t.call(t.priya, "PATCH", "time-settings", { preventTimeOnClosedItems: true });
    try {
      expect((await t.call(t.grace, "POST", "timer/start", { workItemId: 7 })).status).toBe(409);
      setWorkItemState(t.stack, "fabrikam", 9, "Removed");
      expect((await t.call(t.grace, "POST", "timer/start", { workItemId: 9 })).status).toBe(409);
    } finally {
      setWorkItemState(t.stack, "fabrikam", 9, "Active");
      await t.call(t.priya, "PATCH", "time-settings", { preventTimeOnClosedItems: false });
    }
    expect((await t.call<TimerResponse>(t.grace, "GET", "timer")).body.timer).toBeNull();
  });

  it("keeps one timer per user: two starts at once leave exactly one running", async () => {
    const [a, b] = await Promise.all([
      t.call(t.priya, "POST", "timer/start", { workItemId: 3 }),
      t.call(t.priya, "POST", "timer/start", { workItemId: 5 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    await backdateTimer(t.priya, isoHoursAgo(0.5));
    // Two stops at once (two tabs) save the time once.
    const [s1, s2] = await Promise.all([
      t.call<StopTimerResponse>(t.priya, "POST", "timer/stop"),
      t.call<StopTimerResponse>(t.priya, "POST", "timer/stop"),
    ]);
    const saved = [s1, s2].filter((s) => s.status === 200).flatMap((s) => s.body.worklogs.map((w) => w.id));
    expect(new Set(saved).size).toBe(1);
  });

  it("keeps timers per org: contoso's user has their own, and cannot stop fabrikam's", async () => {
    await t.call(t.marcus, "POST", "timer/start", { workItemId: 3 });
    expect((await t.call<TimerResponse>(t.alex, "GET", "timer")).body.timer).toBeNull();
    expect((await t.call(t.alex, "POST", "timer/stop")).status).toBe(409);
    expect((await t.call<TimerResponse>(t.marcus, "GET", "timer")).body.timer).toMatchObject({ workItemId: 3 });
  });
});
