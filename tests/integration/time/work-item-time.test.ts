import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TimeContextResponse, WorkItemTimeResponse } from "../../../functions/contracts/time";
import { startDaysAgo, startTimeStack, type TimeStack } from "./support/time-stack";

let t: TimeStack;
beforeAll(async () => {
  t = await startTimeStack();
  // Story 3 has tasks 4 and 5; time on the story and on both tasks.
  const add = (who: typeof t.marcus, workItemId: number, durationSeconds: number, daysAgo: number) =>
    t.call(who, "POST", "worklogs", { workItemId, start: startDaysAgo(daysAgo), durationSeconds });
  await add(t.marcus, 3, 3600, 3);
  await add(t.marcus, 5, 1800, 2);
  await add(t.aisha, 4, 7200, 1);
  await add(t.grace, 3, 600, 0);
  await add(t.grace, 9, 999, 0); // another tree: never counted here
});
afterAll(async () => {
  await t?.stack.stop();
});

describe("GET /api/work-items/{id}/time (the form page 'Time')", () => {
  it("shows a Team member their own entries and everyone else only as totals, children included", async () => {
    const { status, body } = await t.call<WorkItemTimeResponse>(t.marcus, "GET", "work-items/3/time");
    expect(status).toBe(200);
    expect(body.workItems.map((w) => w.id).sort()).toEqual([3, 4, 5]);
    expect(body.totalSeconds).toBe(3600 + 1800 + 7200 + 600);
    expect(body.mySeconds).toBe(5400);
    expect(body.people).toEqual([
      { userId: t.aisha.user.id, displayName: "Aisha Okafor", totalSeconds: 7200 },
      { userId: t.marcus.user.id, displayName: "Marcus Johnson", totalSeconds: 5400 },
      { userId: t.grace.user.id, displayName: "Grace Wright", totalSeconds: 600 },
    ]);
    expect(body.showsAllEntries).toBe(false);
    expect(body.entries.map((e) => e.userId)).toEqual([t.marcus.user.id, t.marcus.user.id]);
    // Newest first.
    expect(body.entries[0].workItemId).toBe(5);
  });

  it("shows Product and above every entry, newest first", async () => {
    const { body } = await t.call<WorkItemTimeResponse>(t.aisha, "GET", "work-items/3/time");
    expect(body.showsAllEntries).toBe(true);
    expect(body.entries.map((e) => e.durationSeconds)).toEqual([600, 7200, 1800, 3600]);
  });

  it("covers only the item itself for a leaf, and 400s for a bad id", async () => {
    const { body } = await t.call<WorkItemTimeResponse>(t.marcus, "GET", "work-items/5/time");
    expect(body.totalSeconds).toBe(1800);
    expect((await t.call(t.marcus, "GET", "work-items/abc/time")).status).toBe(400);
  });

  it("never counts another org's time on an item with the same id", async () => {
    await t.call(t.alex, "POST", "worklogs", { workItemId: 3 - 2, start: startDaysAgo(0), durationSeconds: 5 });
    const { body } = await t.call<WorkItemTimeResponse>(t.alex, "GET", "work-items/1/time");
    expect(body.totalSeconds).toBe(5);
  });
});

describe("GET /api/time/context (what the form group draws)", () => {
  it("gives totals on this item only, my time, my rights and my timer", async () => {
    const { status, body } = await t.call<TimeContextResponse>(t.marcus, "GET", "time/context?workItemId=3");
    expect(status).toBe(200);
    expect(body).toEqual({
      role: "Team",
      capabilities: { addTimeForOthers: false, viewAllWorklogs: false, manageSettings: false },
      timer: null,
      workItem: { id: 3, totalSeconds: 4200, mySeconds: 3600 },
    });
    const admin = await t.call<TimeContextResponse>(t.priya, "GET", "time/context");
    expect(admin.body).toMatchObject({
      role: "Administrator",
      capabilities: { addTimeForOthers: true, viewAllWorklogs: true, manageSettings: true },
      workItem: null,
    });
  });

  it("400s a bad work item id", async () => {
    expect((await t.call(t.marcus, "GET", "time/context?workItemId=-1")).status).toBe(400);
  });
});
