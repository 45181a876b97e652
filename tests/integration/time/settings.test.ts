import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActivityTypesResponse, TimeSettingsView, WorklogView } from "../../../functions/contracts/time";
import { startDaysAgo, startTimeStack, type TimeStack } from "./support/time-stack";

let t: TimeStack;
beforeAll(async () => {
  t = await startTimeStack();
});
afterAll(async () => {
  await t?.stack.stop();
});

describe("activity types", () => {
  it("starts every org with the usual four, separately per org", async () => {
    const fabrikam = await t.call<ActivityTypesResponse>(t.marcus, "GET", "activity-types");
    expect(fabrikam.body.activityTypes.map((a) => a.name)).toEqual([
      "Development",
      "Testing",
      "Meeting",
      "Documentation",
    ]);
    const contoso = await t.call<ActivityTypesResponse>(t.alex, "GET", "activity-types");
    expect(contoso.body.activityTypes.map((a) => a.id)).not.toContain(fabrikam.body.activityTypes[0].id);
  });

  it("lets an Administrator add, rename and archive one; archived types stay on old time but not new", async () => {
    const added = await t.call<ActivityTypesResponse>(t.priya, "POST", "activity-types", { name: "Code review" });
    expect(added.status).toBe(201);
    const review = added.body.activityTypes.find((a) => a.name === "Code review")!;
    const logged = await t.call<WorklogView>(t.marcus, "POST", "worklogs", {
      workItemId: 3,
      start: startDaysAgo(1),
      durationSeconds: 60,
      activityTypeId: review.id,
    });
    expect(logged).toMatchObject({ status: 201, body: { activityTypeId: review.id } });

    const renamed = await t.call<ActivityTypesResponse>(t.priya, "PATCH", `activity-types/${review.id}`, {
      name: "Reviews",
    });
    expect(renamed.body.activityTypes.find((a) => a.id === review.id)?.name).toBe("Reviews");
    await t.call(t.priya, "PATCH", `activity-types/${review.id}`, { archived: true });

    const refused = await t.call(t.marcus, "POST", "worklogs", {
      workItemId: 3,
      start: startDaysAgo(1),
      durationSeconds: 60,
      activityTypeId: review.id,
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringMatching(/'Reviews' is archived/) } },
    });
    expect((await t.call<WorklogView>(t.marcus, "GET", `worklogs/${logged.body.id}`)).body.activityTypeId).toBe(
      review.id,
    );
  });

  it("refuses duplicates, empty names, unknown ids and non-Administrators", async () => {
    expect((await t.call(t.priya, "POST", "activity-types", { name: "testing" })).status).toBe(409);
    expect((await t.call(t.priya, "POST", "activity-types", { name: "  " })).status).toBe(400);
    expect((await t.call(t.priya, "PATCH", "activity-types/nope", { name: "X" })).status).toBe(404);
    expect((await t.call(t.priya, "PATCH", "activity-types/nope", {})).status).toBe(400);
    expect((await t.call(t.grace, "POST", "activity-types", { name: "Support" })).status).toBe(403);
    expect((await t.call(t.marcus, "PATCH", "activity-types/x", { archived: true })).status).toBe(403);
  });
});

describe("time settings (Settings › Rules)", () => {
  it("defaults to Administrators editing everyone's time and no closed-items rule, readable by users", async () => {
    expect(await t.call<TimeSettingsView>(t.marcus, "GET", "time-settings")).toMatchObject({
      status: 200,
      body: { editingTimeRoles: ["Administrator"], preventTimeOnClosedItems: false },
    });
  });

  it("is changed only by Administrators, and keeps the roles in order without duplicates", async () => {
    expect((await t.call(t.grace, "PATCH", "time-settings", { preventTimeOnClosedItems: true })).status).toBe(403);
    const saved = await t.call<TimeSettingsView>(t.priya, "PATCH", "time-settings", {
      editingTimeRoles: ["Administrator", "Budget", "Budget"],
    });
    expect(saved.body.editingTimeRoles).toEqual(["Budget", "Administrator"]);
    expect((await t.call<TimeSettingsView>(t.marcus, "GET", "time-settings")).body.editingTimeRoles).toEqual([
      "Budget",
      "Administrator",
    ]);
    await t.call(t.priya, "PATCH", "time-settings", { editingTimeRoles: ["Administrator"] });
  });

  it.each([
    ["the None role", { editingTimeRoles: ["None"] }],
    ["an unknown role", { editingTimeRoles: ["Boss"] }],
    ["nothing", {}],
    ["a non-boolean rule", { preventTimeOnClosedItems: "yes" }],
  ])("refuses %s", async (_, body) => {
    expect((await t.call(t.priya, "PATCH", "time-settings", body)).status).toBe(400);
  });

  it("keeps orgs apart: contoso's Administrator changes only contoso's rules", async () => {
    await t.call(t.alex, "PATCH", "time-settings", { preventTimeOnClosedItems: true });
    expect((await t.call<TimeSettingsView>(t.marcus, "GET", "time-settings")).body.preventTimeOnClosedItems).toBe(
      false,
    );
    expect((await t.call<TimeSettingsView>(t.alex, "GET", "time-settings")).body.preventTimeOnClosedItems).toBe(true);
  });
});
