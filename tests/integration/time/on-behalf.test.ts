import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TimePeopleResponse, WorklogView } from "../../../functions/contracts/time";
import { startDaysAgo, startTimeStack, type TimeStack } from "./support/time-stack";

let t: TimeStack;
beforeAll(async () => {
  t = await startTimeStack();
});
afterAll(async () => {
  await t?.stack.stop();
});

async function addForMarcus(by = t.aisha): Promise<WorklogView> {
  const { status, body } = await t.call<WorklogView>(by, "POST", "worklogs", {
    workItemId: 3,
    start: startDaysAgo(1),
    durationSeconds: 3600,
    userId: t.marcus.user.id,
  });
  expect(status).toBe(201);
  return body;
}

describe("time added on someone's behalf", () => {
  it("is owned by the person it was added for and remembers who added it", async () => {
    const w = await addForMarcus();
    expect(w).toMatchObject({
      userId: t.marcus.user.id,
      userName: "Marcus Johnson",
      createdBy: t.aisha.user.id,
      createdByName: "Aisha Okafor",
      canEdit: true,
    });
    const seenByOwner = await t.call<WorklogView>(t.marcus, "GET", `worklogs/${w.id}`);
    expect(seenByOwner.body).toMatchObject({ canEdit: true, ownerHasEdited: false });
  });

  it("can be changed by the creator and the owner until the owner changes it; then only by the owner", async () => {
    const w = await addForMarcus();
    const byCreator = await t.call<WorklogView>(t.aisha, "PATCH", `worklogs/${w.id}`, {
      etag: w.etag,
      durationSeconds: 3000,
    });
    expect(byCreator).toMatchObject({
      status: 200,
      body: { ownerHasEdited: false, editedByOther: true, lastEditedByName: "Aisha Okafor" },
    });

    const byOwner = await t.call<WorklogView>(t.marcus, "PATCH", `worklogs/${w.id}`, {
      etag: byCreator.body.etag,
      comment: "mine now",
    });
    expect(byOwner).toMatchObject({ status: 200, body: { ownerHasEdited: true, editedByOther: false } });

    const seenByCreator = await t.call<WorklogView>(t.aisha, "GET", `worklogs/${w.id}`);
    expect(seenByCreator.body.canEdit).toBe(false);
    const locked = await t.call(t.aisha, "PATCH", `worklogs/${w.id}`, { etag: byOwner.body.etag, durationSeconds: 60 });
    expect(locked).toMatchObject({
      status: 403,
      body: { error: { message: expect.stringMatching(/owner has changed this worklog/) } },
    });
    const lockedDelete = await t.call(
      t.aisha,
      "DELETE",
      `worklogs/${w.id}?etag=${encodeURIComponent(byOwner.body.etag)}`,
    );
    expect(lockedDelete.status).toBe(403);
    expect((await t.call<WorklogView>(t.marcus, "GET", `worklogs/${w.id}`)).body.durationSeconds).toBe(3000);
  });

  it("reopens to a role once Settings › Rules › Editing Time selects it, and closes again when unselected", async () => {
    const w = await addForMarcus();
    const owned = (
      await t.call<WorklogView>(t.marcus, "PATCH", `worklogs/${w.id}`, { etag: w.etag, comment: "owner edit" })
    ).body;
    expect((await t.call(t.aisha, "PATCH", `worklogs/${w.id}`, { etag: owned.etag, durationSeconds: 60 })).status).toBe(
      403,
    );

    const rule = await t.call(t.priya, "PATCH", "time-settings", { editingTimeRoles: ["Product", "Administrator"] });
    expect(rule).toMatchObject({ status: 200, body: { editingTimeRoles: ["Product", "Administrator"] } });
    try {
      const reopened = await t.call<WorklogView>(t.aisha, "PATCH", `worklogs/${w.id}`, {
        etag: owned.etag,
        durationSeconds: 60,
      });
      expect(reopened).toMatchObject({
        status: 200,
        body: { durationSeconds: 60, ownerHasEdited: true, editedByOther: true },
      });
      // Budget is not selected: Grace still may not.
      expect(
        (await t.call(t.grace, "PATCH", `worklogs/${w.id}`, { etag: reopened.body.etag, durationSeconds: 30 })).status,
      ).toBe(403);
    } finally {
      await t.call(t.priya, "PATCH", "time-settings", { editingTimeRoles: ["Administrator"] });
    }
    const latest = (await t.call<WorklogView>(t.marcus, "GET", `worklogs/${w.id}`)).body;
    expect(
      (await t.call(t.aisha, "PATCH", `worklogs/${w.id}`, { etag: latest.etag, durationSeconds: 90 })).status,
    ).toBe(403);
  });

  it("is refused to a Team member, and for someone who is not a licensed user", async () => {
    const team = await t.call(t.marcus, "POST", "worklogs", {
      workItemId: 3,
      start: startDaysAgo(1),
      durationSeconds: 60,
      userId: t.aisha.user.id,
    });
    expect(team).toMatchObject({
      status: 403,
      body: { error: { message: expect.stringMatching(/cannot add time for other users/) } },
    });
    const none = await t.call(t.aisha, "POST", "worklogs", {
      workItemId: 3,
      start: startDaysAgo(1),
      durationSeconds: 60,
      userId: t.tom.user.id,
    });
    expect(none).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringMatching(/not a licensed Timetracker user/) } },
    });
    const stranger = await t.call(t.aisha, "POST", "worklogs", {
      workItemId: 3,
      start: startDaysAgo(1),
      durationSeconds: 60,
      userId: "00000000-0000-0000-0000-000000000000",
    });
    expect(stranger.status).toBe(400);
  });

  it("offers Product and above the licensed people to pick from, and Team members no list", async () => {
    const people = await t.call<TimePeopleResponse>(t.aisha, "GET", "time/people");
    expect(people.status).toBe(200);
    const names = people.body.people.map((p) => p.displayName);
    expect(names).toEqual(expect.arrayContaining(["Marcus Johnson", "Priya Patel", "Grace Wright"]));
    expect(names).not.toContain("Tom Becker");
    expect(names).not.toContain("Alex Rivera");
    expect((await t.call(t.marcus, "GET", "time/people")).status).toBe(403);
  });
});
