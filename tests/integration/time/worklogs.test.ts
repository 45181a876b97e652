import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ListWorklogsResponse, WorklogView } from "../../../functions/contracts/time";
import { dayOf, setWorkItemState, startDaysAgo, startTimeStack, type TimeStack } from "./support/time-stack";

let t: TimeStack;
beforeAll(async () => {
  t = await startTimeStack();
});
afterAll(async () => {
  await t?.stack.stop();
});

const ERROR = { error: { code: expect.any(String), message: expect.any(String) } };

describe("POST /api/worklogs", () => {
  it("creates my worklog on a work item of my org, keeping my time zone offset", async () => {
    const start = startDaysAgo(1, "-05:30", "23:45:00");
    const { status, body, headers } = await t.call<WorklogView>(t.marcus, "POST", "worklogs", {
      workItemId: 3,
      start,
      durationSeconds: 5400,
      comment: "Reset flow",
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      userId: t.marcus.user.id,
      userName: "Marcus Johnson",
      createdBy: t.marcus.user.id,
      workItemId: 3,
      start,
      day: dayOf(start),
      durationSeconds: 5400,
      comment: "Reset flow",
      activityTypeId: null,
      editedByOther: false,
      canEdit: true,
    });
    expect(headers.get("etag")).toBe(body.etag);
  });

  it("lists it in my week, and reads it back by id", async () => {
    const start = startDaysAgo(2);
    const created = (
      await t.call<WorklogView>(t.marcus, "POST", "worklogs", { workItemId: 5, start, durationSeconds: 600 })
    ).body;
    const week = await t.call<ListWorklogsResponse>(
      t.marcus,
      "GET",
      `worklogs?from=${dayOf(start)}&to=${dayOf(start)}`,
    );
    expect(week.status).toBe(200);
    expect(week.body.worklogs.map((w) => w.id)).toContain(created.id);
    expect(week.body.worklogs.every((w) => w.userId === t.marcus.user.id)).toBe(true);
    const one = await t.call<WorklogView>(t.marcus, "GET", `worklogs/${created.id}`);
    expect(one).toMatchObject({ status: 200, body: { id: created.id, durationSeconds: 600 } });
  });

  it("creates a worklog once for a requestId sent twice, and refuses the id to someone else", async () => {
    const requestId = randomUUID();
    const request = { workItemId: 3, start: startDaysAgo(3), durationSeconds: 1200, comment: "sent twice", requestId };
    const first = await t.call<WorklogView>(t.marcus, "POST", "worklogs", request);
    const again = await t.call<WorklogView>(t.marcus, "POST", "worklogs", request);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id, etag: first.body.etag } });
    const day = dayOf(request.start);
    const listed = await t.call<ListWorklogsResponse>(t.marcus, "GET", `worklogs?from=${day}&to=${day}`);
    expect(listed.body.worklogs.filter((w) => w.comment === "sent twice")).toHaveLength(1);
    const stolen = await t.call<typeof ERROR>(t.aisha, "POST", "worklogs", { ...request, comment: "not mine" });
    expect(stolen).toMatchObject({
      status: 409,
      body: { error: { message: expect.stringMatching(/requestId was already used/) } },
    });
  });

  it.each([
    ["a zero length", { durationSeconds: 0 }, /length must be positive/],
    ["a negative length", { durationSeconds: -3600 }, /length must be positive/],
    ["more than 24 hours", { durationSeconds: 86_401 }, /at most 24 hours/],
    ["a fractional length", { durationSeconds: 12.5 }, /whole number of seconds/],
    ["a start without a time zone", { start: "2026-03-02T09:00:00" }, /time zone offset/],
    [
      "a start more than a day ahead",
      { start: new Date(Date.now() + 3 * 86_400_000).toISOString() },
      /more than a day in the future/,
    ],
    ["an unknown work item", { workItemId: 999 }, /Work item #999 does not exist in the organization 'fabrikam'/],
    ["a work item id that is not a number", { workItemId: "3" }, /workItemId/],
    ["an unknown field", { owner: "me" }, /owner/],
    ["an unknown activity type", { activityTypeId: "nope" }, /no activity type with id 'nope'/],
    ["an overlong comment", { comment: "x".repeat(1001) }, /comment/],
  ])("refuses %s with a 400 and saves nothing", async (_, override, message) => {
    const before = await countMine();
    const { status, body } = await t.call(t.marcus, "POST", "worklogs", {
      workItemId: 3,
      start: startDaysAgo(0),
      durationSeconds: 60,
      ...override,
    });
    expect(status).toBe(400);
    expect(body).toMatchObject(ERROR);
    expect((body as typeof ERROR).error.message).toMatch(message);
    expect(await countMine()).toBe(before);
  });

  it("refuses malformed JSON and an empty body with readable messages", async () => {
    expect(await t.call(t.marcus, "POST", "worklogs", "{not json")).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringMatching(/not valid JSON/) } },
    });
    expect(await t.call(t.marcus, "POST", "worklogs", "")).toMatchObject({ status: 400 });
  });

  it("refuses time on a closed item only while the Settings rule is on", async () => {
    const start = startDaysAgo(0);
    expect((await t.call(t.marcus, "POST", "worklogs", { workItemId: 4, start, durationSeconds: 60 })).status).toBe(
      201,
    );
    expect((await t.call(t.priya, "PATCH", "time-settings", { preventTimeOnClosedItems: true })).status).toBe(200);
    try {
      const refused = await t.call(t.marcus, "POST", "worklogs", { workItemId: 4, start, durationSeconds: 60 });
      expect(refused).toMatchObject({
        status: 409,
        body: { error: { message: expect.stringMatching(/#4 is Closed.*closed items/) } },
      });
      // Azure DevOps decides what is closed, whatever its process calls it (Done here).
      setWorkItemState(t.stack, "fabrikam", 12, "Done");
      const other = await t.call(t.grace, "POST", "worklogs", { workItemId: 12, start, durationSeconds: 60 });
      expect(other.status).toBe(409);
    } finally {
      setWorkItemState(t.stack, "fabrikam", 12, "Active");
      await t.call(t.priya, "PATCH", "time-settings", { preventTimeOnClosedItems: false });
    }
  });
});

describe("PATCH and DELETE /api/worklogs/{id}", () => {
  it("changes my worklog with its etag and refuses a stale etag with 412", async () => {
    const created = (
      await t.call<WorklogView>(t.marcus, "POST", "worklogs", {
        workItemId: 3,
        start: startDaysAgo(1),
        durationSeconds: 600,
      })
    ).body;
    const changed = await t.call<WorklogView>(t.marcus, "PATCH", `worklogs/${created.id}`, {
      etag: created.etag,
      durationSeconds: 900,
      comment: "longer",
    });
    expect(changed).toMatchObject({
      status: 200,
      body: { durationSeconds: 900, comment: "longer", ownerHasEdited: true, editedByOther: false },
    });
    expect(changed.body.etag).not.toBe(created.etag);

    const stale = await t.call(t.marcus, "PATCH", `worklogs/${created.id}`, {
      etag: created.etag,
      durationSeconds: 60,
    });
    expect(stale).toMatchObject({ status: 412, body: { error: { code: "precondition_failed" } } });
    const now = await t.call<WorklogView>(t.marcus, "GET", `worklogs/${created.id}`);
    expect(now.body.durationSeconds).toBe(900);
  });

  it("moves time to another item only if that item exists", async () => {
    const created = (
      await t.call<WorklogView>(t.marcus, "POST", "worklogs", {
        workItemId: 3,
        start: startDaysAgo(1),
        durationSeconds: 600,
      })
    ).body;
    const moved = await t.call<WorklogView>(t.marcus, "PATCH", `worklogs/${created.id}`, {
      etag: created.etag,
      workItemId: 5,
    });
    expect(moved).toMatchObject({ status: 200, body: { workItemId: 5 } });
    const bad = await t.call(t.marcus, "PATCH", `worklogs/${created.id}`, { etag: moved.body.etag, workItemId: 4242 });
    expect(bad.status).toBe(400);
  });

  it("shows a worklog moved to another week in that week only, and a deleted one nowhere", async () => {
    const first = startDaysAgo(30);
    const created = (
      await t.call<WorklogView>(t.marcus, "POST", "worklogs", { workItemId: 3, start: first, durationSeconds: 600 })
    ).body;
    const later = startDaysAgo(9);
    const moved = (
      await t.call<WorklogView>(t.marcus, "PATCH", `worklogs/${created.id}`, { etag: created.etag, start: later })
    ).body;
    const ids = async (day: string) =>
      (await t.call<ListWorklogsResponse>(t.marcus, "GET", `worklogs?from=${day}&to=${day}`)).body.worklogs.map(
        (w) => w.id,
      );
    expect(await ids(dayOf(first))).not.toContain(created.id);
    expect(await ids(dayOf(later))).toContain(created.id);
    // A long range takes the query path: the same answer.
    const year = await t.call<ListWorklogsResponse>(
      t.marcus,
      "GET",
      `worklogs?from=${dayOf(startDaysAgo(300))}&to=${dayOf(later)}&pageSize=1000`,
    );
    expect(year.body.worklogs.filter((w) => w.id === created.id).map((w) => w.day)).toEqual([dayOf(later)]);
    await t.call(t.marcus, "DELETE", `worklogs/${created.id}?etag=${encodeURIComponent(moved.etag)}`);
    expect(await ids(dayOf(later))).not.toContain(created.id);
  });

  it.each([
    ["no etag", { durationSeconds: 60 }, 400],
    ["nothing to change", { etag: "x" }, 400],
    ["a zero length", { etag: "x", durationSeconds: 0 }, 400],
    ["a start far ahead", { etag: "x", start: "2099-01-01T00:00:00Z" }, 400],
  ])("refuses a change with %s", async (_, change, status) => {
    const created = (
      await t.call<WorklogView>(t.marcus, "POST", "worklogs", {
        workItemId: 3,
        start: startDaysAgo(1),
        durationSeconds: 600,
      })
    ).body;
    expect((await t.call(t.marcus, "PATCH", `worklogs/${created.id}`, change)).status).toBe(status);
    expect((await t.call<WorklogView>(t.marcus, "GET", `worklogs/${created.id}`)).body.etag).toBe(created.etag);
  });

  it("deletes with the etag (If-Match or query), and 404s afterwards", async () => {
    const created = (
      await t.call<WorklogView>(t.marcus, "POST", "worklogs", {
        workItemId: 3,
        start: startDaysAgo(1),
        durationSeconds: 600,
      })
    ).body;
    expect((await t.call(t.marcus, "DELETE", `worklogs/${created.id}`)).status).toBe(400);
    expect((await t.call(t.marcus, "DELETE", `worklogs/${created.id}?etag=stale`)).status).toBe(412);
    expect(
      (await t.call(t.marcus, "DELETE", `worklogs/${created.id}?etag=${encodeURIComponent(created.etag)}`)).status,
    ).toBe(204);
    expect((await t.call(t.marcus, "GET", `worklogs/${created.id}`)).status).toBe(404);
    expect(
      (await t.call(t.marcus, "DELETE", `worklogs/${created.id}?etag=${encodeURIComponent(created.etag)}`)).status,
    ).toBe(404);
  });
});

describe("other users' time", () => {
  it("keeps a Team member out of someone else's worklog (read, change, delete, list)", async () => {
    const mine = (
      await t.call<WorklogView>(t.aisha, "POST", "worklogs", {
        workItemId: 3,
        start: startDaysAgo(1),
        durationSeconds: 600,
      })
    ).body;
    expect((await t.call(t.marcus, "GET", `worklogs/${mine.id}`)).status).toBe(403);
    expect(
      (await t.call(t.marcus, "PATCH", `worklogs/${mine.id}`, { etag: mine.etag, durationSeconds: 1 })).status,
    ).toBe(403);
    expect((await t.call(t.marcus, "DELETE", `worklogs/${mine.id}?etag=${encodeURIComponent(mine.etag)}`)).status).toBe(
      403,
    );
    const day = dayOf(mine.start);
    expect((await t.call(t.marcus, "GET", `worklogs?from=${day}&to=${day}&userId=${t.aisha.user.id}`)).status).toBe(
      403,
    );
    expect((await t.call(t.marcus, "GET", `worklogs?from=${day}&to=${day}&userId=all`)).status).toBe(403);
    expect((await t.call<WorklogView>(t.aisha, "GET", `worklogs/${mine.id}`)).body.durationSeconds).toBe(600);
  });

  it("shows Product and above everyone's entries, but lets them change none they may not edit", async () => {
    const marcusLog = (
      await t.call<WorklogView>(t.marcus, "POST", "worklogs", {
        workItemId: 5,
        start: startDaysAgo(3),
        durationSeconds: 60,
      })
    ).body;
    const day = dayOf(marcusLog.start);
    const all = await t.call<ListWorklogsResponse>(t.aisha, "GET", `worklogs?from=${day}&to=${day}&userId=all`);
    const seen = all.body.worklogs.find((w) => w.id === marcusLog.id);
    expect(seen).toMatchObject({ userName: "Marcus Johnson", canEdit: false });
    const byPerson = await t.call<ListWorklogsResponse>(
      t.grace,
      "GET",
      `worklogs?from=${day}&to=${day}&userId=${t.marcus.user.id}`,
    );
    expect(byPerson.body.worklogs.every((w) => w.userId === t.marcus.user.id)).toBe(true);
    expect(
      (await t.call(t.aisha, "PATCH", `worklogs/${marcusLog.id}`, { etag: marcusLog.etag, durationSeconds: 1 })).status,
    ).toBe(403);
  });

  it("lets the default Editing Time role (Administrator) change anyone's time, shown as 'Edited by'", async () => {
    const marcusLog = (
      await t.call<WorklogView>(t.marcus, "POST", "worklogs", {
        workItemId: 5,
        start: startDaysAgo(3),
        durationSeconds: 60,
      })
    ).body;
    const edited = await t.call<WorklogView>(t.priya, "PATCH", `worklogs/${marcusLog.id}`, {
      etag: marcusLog.etag,
      durationSeconds: 120,
    });
    expect(edited).toMatchObject({
      status: 200,
      body: { editedByOther: true, lastEditedByName: "Priya Patel", ownerHasEdited: false },
    });
    const seenByOwner = await t.call<WorklogView>(t.marcus, "GET", `worklogs/${marcusLog.id}`);
    expect(seenByOwner.body).toMatchObject({
      durationSeconds: 120,
      editedByOther: true,
      lastEditedByName: "Priya Patel",
      canEdit: true,
    });
  });

  it("keeps orgs apart: contoso cannot see, change or delete fabrikam's worklog, and 'work item 1' is contoso's own", async () => {
    const fabrikamLog = (
      await t.call<WorklogView>(t.priya, "POST", "worklogs", {
        workItemId: 1,
        start: startDaysAgo(1),
        durationSeconds: 60,
      })
    ).body;
    expect((await t.call(t.alex, "GET", `worklogs/${fabrikamLog.id}`)).status).toBe(404);
    expect(
      (await t.call(t.alex, "PATCH", `worklogs/${fabrikamLog.id}`, { etag: fabrikamLog.etag, durationSeconds: 1 }))
        .status,
    ).toBe(404);
    expect(
      (await t.call(t.alex, "DELETE", `worklogs/${fabrikamLog.id}?etag=${encodeURIComponent(fabrikamLog.etag)}`))
        .status,
    ).toBe(404);
    const day = dayOf(fabrikamLog.start);
    const contosoAll = await t.call<ListWorklogsResponse>(t.alex, "GET", `worklogs?from=${day}&to=${day}&userId=all`);
    expect(contosoAll.body.worklogs.map((w) => w.id)).not.toContain(fabrikamLog.id);
    // fabrikam's work item 13 does not exist in contoso; contoso's item 1 does.
    expect(
      (await t.call(t.alex, "POST", "worklogs", { workItemId: 13, start: startDaysAgo(1), durationSeconds: 60 }))
        .status,
    ).toBe(400);
    expect(
      (await t.call(t.alex, "POST", "worklogs", { workItemId: 1, start: startDaysAgo(1), durationSeconds: 60 })).status,
    ).toBe(201);
    // Adding time for a fabrikam user from contoso: that user is no member of contoso.
    const onBehalf = await t.call(t.alex, "POST", "worklogs", {
      workItemId: 1,
      start: startDaysAgo(1),
      durationSeconds: 60,
      userId: t.marcus.user.id,
    });
    expect(onBehalf).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringMatching(/not a licensed Timetracker user of this organization/) } },
    });
  });
});

describe("GET /api/worklogs query validation", () => {
  it.each([
    ["no range", ""],
    ["an impossible date", "from=2026-02-30&to=2026-03-01"],
    ["a reversed range", "from=2026-03-08&to=2026-03-01"],
    ["a range over a year", "from=2024-01-01&to=2026-01-01"],
    ["an unknown parameter", "from=2026-03-01&to=2026-03-02&sort=up"],
  ])("refuses %s with 400", async (_, query) => {
    expect((await t.call(t.marcus, "GET", `worklogs?${query}`)).status).toBe(400);
  });

  it("pages with continuation tokens", async () => {
    const day = startDaysAgo(10);
    for (let i = 0; i < 3; i++)
      await t.call(t.grace, "POST", "worklogs", { workItemId: 3, start: day, durationSeconds: 60 + i });
    const first = await t.call<ListWorklogsResponse>(
      t.grace,
      "GET",
      `worklogs?from=${dayOf(day)}&to=${dayOf(day)}&pageSize=2`,
    );
    expect(first.body.worklogs).toHaveLength(2);
    expect(first.body.continuationToken).toEqual(expect.any(String));
    const next = await t.call<ListWorklogsResponse>(
      t.grace,
      "GET",
      `worklogs?from=${dayOf(day)}&to=${dayOf(day)}&pageSize=2&continuationToken=${encodeURIComponent(first.body.continuationToken!)}`,
    );
    expect(next.body.worklogs).toHaveLength(1);
    expect(next.body.continuationToken).toBeNull();
  });
});

async function countMine(): Promise<number> {
  const list = await t.call<ListWorklogsResponse>(
    t.marcus,
    "GET",
    `worklogs?from=${dayOf(startDaysAgo(360))}&to=${dayOf(startDaysAgo(-2))}&pageSize=1000`,
  );
  return list.body.worklogs.length;
}
