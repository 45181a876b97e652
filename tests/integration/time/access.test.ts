import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "../../../functions/http/route";
import {
  endTrial,
  restartTrial,
  setSubscription,
  startDaysAgo,
  startTimeStack,
  type TimeStack,
} from "./support/time-stack";

let t: TimeStack;
beforeAll(async () => {
  t = await startTimeStack();
});
afterAll(async () => {
  await t?.stack.stop();
});

/** One concrete request per time route (ids need not exist: access is decided first). */
const TIME_REQUESTS: Array<[string, string, string, unknown?]> = [
  ["worklogs-list", "GET", "worklogs?from=2026-03-02&to=2026-03-08"],
  ["worklogs-create", "POST", "worklogs", { workItemId: 3, start: "2026-03-02T09:00:00+01:00", durationSeconds: 60 }],
  ["worklog-read", "GET", "worklogs/some-id"],
  ["worklog-update", "PATCH", "worklogs/some-id", { etag: "x", durationSeconds: 60 }],
  ["worklog-delete", "DELETE", "worklogs/some-id?etag=x"],
  ["timer-current", "GET", "timer"],
  ["timer-start", "POST", "timer/start", { workItemId: 3 }],
  ["timer-stop", "POST", "timer/stop"],
  ["activity-types-list", "GET", "activity-types"],
  ["activity-types-create", "POST", "activity-types", { name: "Support" }],
  ["activity-types-update", "PATCH", "activity-types/x", { name: "Support" }],
  ["time-settings-read", "GET", "time-settings"],
  ["time-settings-update", "PATCH", "time-settings", { preventTimeOnClosedItems: true }],
  ["time-context", "GET", "time/context"],
  ["time-people", "GET", "time/people"],
  ["work-item-time", "GET", "work-items/3/time"],
];

describe("who may track time", () => {
  it("covers every time route registered by the app", () => {
    const registered = ROUTES.filter((r) => /^(worklog|timer|activity-types|time-|work-item-time)/.test(r.name)).map(
      (r) => r.name,
    );
    expect(registered.sort()).toEqual(TIME_REQUESTS.map(([name]) => name).sort());
  });

  it.each(TIME_REQUESTS)("refuses a user with the None role: %s", async (_, method, path, body) => {
    const { status, body: answer } = await t.call(t.tom, method, path, body);
    expect(status).toBe(403);
    expect(answer).toMatchObject({
      error: {
        code: "forbidden",
        message: expect.stringMatching(
          /don't have access to Timetracker.*Project Collection Administrator or a Timetracker Administrator/,
        ),
      },
    });
  });

  it("refuses anyone without sign-in", async () => {
    for (const [, method, path, body] of TIME_REQUESTS) {
      expect((await t.call({ headers: {} } as never, method, path, body)).status).toBe(401);
    }
  });

  it("lets a user in again as soon as they get a role back", async () => {
    await t.setRole(t.tom, "Team");
    try {
      expect((await t.call(t.tom, "GET", "timer")).status).toBe(200);
    } finally {
      await t.setRole(t.tom, "None");
    }
  });

  it("blocks everyone, Administrators too, once the trial has ended, and says who can buy a plan; data is kept", async () => {
    const made = await t.call<{ id: string }>(t.marcus, "POST", "worklogs", {
      workItemId: 3,
      start: startDaysAgo(1),
      durationSeconds: 60,
    });
    expect(made.status).toBe(201);
    await endTrial(t.priya.org.id);
    try {
      for (const who of [t.priya, t.marcus]) {
        const { status, body } = await t.call(who, "GET", "time/context");
        expect(status).toBe(403);
        expect(body).toMatchObject({
          error: {
            message: expect.stringMatching(
              /trial of this organization has ended.*Project Collection Administrator can buy a plan/,
            ),
          },
        });
      }
      // contoso's trial is its own.
      expect((await t.call(t.alex, "GET", "time/context")).status).toBe(200);
    } finally {
      await restartTrial(t.priya.org.id);
    }
    expect((await t.call(t.marcus, "GET", `worklogs/${made.body.id}`)).status).toBe(200);
  });

  it("blocks use after a cancelled subscription and allows it with an active one", async () => {
    const snapshot = {
      plan: "team" as const,
      status: "cancelled" as const,
      seats: 10,
      billingPeriod: "yearly" as const,
      chargebeeSubscriptionId: "sub_1",
      chargebeeCustomerId: "cus_1",
      currentTermEnd: null,
      nextBillingAt: null,
      resourceVersion: 1,
      updatedAt: new Date().toISOString(),
    };
    await setSubscription(t.priya.org.id, snapshot);
    try {
      const cancelled = await t.call(t.marcus, "GET", "timer");
      expect(cancelled).toMatchObject({
        status: 403,
        body: { error: { message: expect.stringMatching(/subscription of this organization was cancelled/) } },
      });
      await setSubscription(t.priya.org.id, { ...snapshot, status: "active" });
      expect((await t.call(t.marcus, "GET", "timer")).status).toBe(200);
    } finally {
      await restartTrial(t.priya.org.id);
    }
  });
});
