import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssignRolesResponse, HoldSeatsResponse, UsersOverviewResponse } from "../../../functions/contracts/users";
import { api, signIn } from "../support/sign-in";
import {
  licensedEmails,
  ok,
  setPlan,
  setRoles,
  startUsersStack,
  subscription,
  userId,
  type UsersStack,
} from "./support/users-stack";

let u: UsersStack;
beforeAll(async () => {
  u = await startUsersStack(); // licensed: Priya, Marcus (Administrators), Liam (Team)
});
afterAll(async () => {
  await u?.stack.stop();
});

const seats = async () => (await ok(u.call<UsersOverviewResponse>(u.priya, "GET", "users/overview"))).seats;
const assign = (role: string, locals: string[], who = u.priya) =>
  u.call<
    AssignRolesResponse & {
      error: {
        code: string;
        message: string;
        details: { free: number; needed: number; usersNeeded: number; subscriptionUrl: string };
      };
    }
  >(who, "POST", "users/roles", {
    role,
    userIds: locals.map((l) => userId(u.stack, l)),
  });

describe("the seats of the plan", () => {
  it("shows licensed and available seats: unlimited in the trial, 3 on Free", async () => {
    expect(await seats()).toEqual({ licensed: 3, limit: null, available: null });
    await setPlan(u.priya.org.id, subscription(3, "free"));
    expect(await seats()).toEqual({ licensed: 3, limit: 3, available: 0 });
  });

  it("refuses an assignment beyond the seats, says how many are free, links to the Subscription page, and writes nothing", async () => {
    await setRoles(u, "None", ["liam.oconnor"]);
    const before = await licensedEmails(u);
    const { status, body } = await assign("Team", ["aisha.okafor", "grace.wright"]);
    expect(status).toBe(409);
    expect(body.error.code).toBe("seat_limit");
    expect(body.error.message).toMatch(/needs 2 more licensed users, but only 1 seat is free.*Subscription page/);
    expect(body.error.details).toEqual({
      free: 1,
      needed: 2,
      usersNeeded: 4, // 2 licensed + 2: the Subscription page opens for 4 users
      subscriptionUrl: expect.stringMatching(/\/fabrikam\/_settings\/.*timetracker-subscription-hub\?users=4$/),
    });
    expect(await licensedEmails(u)).toEqual(before);
    expect((await assign("Team", ["aisha.okafor"])).status).toBe(200);
    expect(await seats()).toEqual({ licensed: 3, limit: 3, available: 0 });
  });

  it("still lets an org at its seats move people between licensed roles", async () => {
    expect((await assign("Budget", ["aisha.okafor"])).status).toBe(200);
    expect((await assign("Default", ["aisha.okafor"])).status).toBe(200);
  });

  it("refuses a Default Role that would license more users than the seats", async () => {
    await ok(u.call(u.priya, "PATCH", "users/default-role", { role: "None" })); // Aisha (on Default) frees her seat
    await setRoles(u, "Default", ["grace.wright", "mei.chen"]);
    const { status, body } = await u.call<{ error: { code: string; message: string } }>(
      u.priya,
      "PATCH",
      "users/default-role",
      { role: "Team" },
    );
    expect(status).toBe(409);
    expect(body.error.message).toMatch(/needs 3 more licensed users, but only 1 seat is free/);
    expect((await ok(u.call<UsersOverviewResponse>(u.priya, "GET", "users/overview"))).defaultRole).toBe("None");
    await setRoles(u, "None", ["grace.wright", "mei.chen"]);
    await ok(u.call(u.priya, "PATCH", "users/default-role", { role: "Team" }));
    expect(await seats()).toEqual({ licensed: 3, limit: 3, available: 0 });
  });

  it("gives a new user outside the trial a seat only when one is free", async () => {
    const hannah = await signIn(u.stack, "fabrikam", "hannah.schmidt@fabrikam.example");
    expect((await ok(api<{ licensed: boolean }>(u.stack, hannah, "GET", "me"))).licensed).toBe(false);
    await setRoles(u, "None", ["aisha.okafor"]);
    const me = await ok(api<{ licensed: boolean; role: { assigned: string } }>(u.stack, hannah, "GET", "me"));
    expect(me).toMatchObject({ licensed: true, role: { assigned: "Default" } });
    expect(await seats()).toEqual({ licensed: 3, limit: 3, available: 0 });
  });

  it("licenses nobody new once the plan is cancelled", async () => {
    await setPlan(u.priya.org.id, { ...subscription(5), status: "cancelled" });
    const { status, body } = await assign("Team", ["olivia.brown"]);
    expect(status).toBe(409);
    expect(body.error.message).toMatch(/only 0 seats are free/);
    expect((await assign("None", ["hannah.schmidt"])).status).toBe(200); // freeing is always allowed
  });
});

describe("concurrent assignments", () => {
  it("ends with exactly the seats licensed when 50 requests race for them", async () => {
    await setPlan(u.priya.org.id, subscription(10));
    const free = 10 - (await seats()).licensed;
    const racers = u.stack.devops.state.org("fabrikam").addSyntheticUsers(50);
    const answers = await Promise.all(
      racers.map((r) => u.call(u.priya, "POST", "users/roles", { role: "Team", userIds: [r.id] })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(free);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(50 - free);
    expect(await seats()).toEqual({ licensed: 10, limit: 10, available: 0 });
    expect(await licensedEmails(u)).toHaveLength(10);
  });

  it("never lets two admins together exceed the seats, and never loses either's change", async () => {
    const org = u.stack.devops.state.org("fabrikam");
    const licensedSynthetic = (await licensedEmails(u)).filter((e) => e.startsWith("synthetic"));
    const holders = org.users.filter((x) => licensedSynthetic.includes(x.email));
    // Free 4 seats; then Priya and Marcus each try to fill them with 4 other users at once.
    await ok(u.call(u.priya, "POST", "users/roles", { role: "None", userIds: holders.slice(0, 4).map((x) => x.id) }));
    const racers = org.addSyntheticUsers(8);
    const [a, b] = await Promise.all([
      u.call(u.priya, "POST", "users/roles", { role: "Team", userIds: racers.slice(0, 4).map((r) => r.id) }),
      u.call(u.marcus, "POST", "users/roles", { role: "Product", userIds: racers.slice(4, 8).map((r) => r.id) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await seats()).toEqual({ licensed: 10, limit: 10, available: 0 });

    // Changes to different users at the same moment both land.
    const [x, y] = holders.slice(4, 6);
    const both = await Promise.all([
      u.call(u.priya, "POST", "users/roles", { role: "Budget", userIds: [x.id] }),
      u.call(u.marcus, "POST", "users/roles", { role: "Administrator", userIds: [y.id] }),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const { members } = await ok(
      u.call<{ members: { id: string; role: { assigned: string } }[] }>(
        u.priya,
        "GET",
        "users/licensed?search=synthetic&pageSize=50",
      ),
    );
    expect(members.find((m) => m.id === x.id)?.role.assigned).toBe("Budget");
    expect(members.find((m) => m.id === y.id)?.role.assigned).toBe("Administrator");
  });
});

describe("a change of many users holds its seats", () => {
  const ids = (users: { id: string }[]) => users.map((x) => x.id);
  type HoldAnswer = HoldSeatsResponse & { error: { code: string; message: string } };
  const hold = (userIds: string[], holdId?: string) =>
    u.call<HoldAnswer>(u.priya, "POST", "users/roles/holds", { role: "Team", userIds, ...(holdId ? { holdId } : {}) });

  it("keeps the seats of a change the page sends in several requests until it releases them", async () => {
    const org = u.stack.devops.state.org("fabrikam");
    await setPlan(u.priya.org.id, subscription((await seats()).licensed + 600));
    const page = org.addSyntheticUsers(600);
    const others = org.addSyntheticUsers(10);
    const held = await ok(hold(ids(page)));
    expect(held).toMatchObject({ holdId: expect.any(String), seatsHeld: 600, until: expect.any(String) });

    // Another administrator's change and its preview find no seat free while the page's change runs.
    const racing = await u.call<{ error: { code: string; message: string } }>(u.marcus, "POST", "users/roles", {
      role: "Team",
      userIds: ids(others),
    });
    expect(racing.status).toBe(409);
    expect(racing.body.error).toMatchObject({
      code: "seat_limit",
      message: expect.stringMatching(/only 0 seats are free/),
    });
    const preview = await ok(
      u.call<{ fits: boolean; seatsFree: number }>(u.marcus, "POST", "users/roles/preview", {
        role: "Team",
        userIds: ids(others),
      }),
    );
    expect(preview).toMatchObject({ fits: false, seatsFree: 0 });

    const first = await ok(
      u.call<AssignRolesResponse>(u.priya, "POST", "users/roles", {
        role: "Team",
        userIds: ids(page.slice(0, 500)),
        holdId: held.holdId,
      }),
    );
    expect(first).toMatchObject({ changed: 500, failed: [] });
    expect(first.seats.available).toBe(0); // the other 100 are still held for the page
    expect((await seats()).available).toBe(0);

    // The page gives up: released, the 100 seats are free again, and the hold keeps nothing for it.
    expect((await u.call(u.priya, "DELETE", `users/roles/holds/${held.holdId}`)).status).toBe(204);
    expect((await seats()).available).toBe(100);
    const again = await u.call<{ error: { message: string } }>(u.priya, "DELETE", `users/roles/holds/${held.holdId}`);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/No seat hold .* in this organization: .* it was released, or it lapsed/);
    expect(
      (await ok(u.call<AssignRolesResponse>(u.marcus, "POST", "users/roles", { role: "Team", userIds: ids(others) })))
        .changed,
    ).toBe(10);
    const late = await u.call<{ error: { message: string } }>(u.priya, "POST", "users/roles", {
      role: "Team",
      userIds: ids(page.slice(500)),
      holdId: held.holdId,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/needs 100 more licensed users, but only 90 seats are free/);
    await ok(u.call(u.priya, "POST", "users/roles", { role: "None", userIds: [...ids(page), ...ids(others)] }));
  });

  it("refuses a hold that does not fit, and bad hold ids, with what to do and nothing written", async () => {
    const before = await seats();
    const org = u.stack.devops.state.org("fabrikam");
    const tooMany = org.addSyntheticUsers(before.available! + 1);
    const refused = await hold(ids(tooMany));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: "seat_limit",
      message: expect.stringMatching(/Free seats by setting users to None, or add seats on the Subscription page/),
    });
    const fits = await u.call<{ seatsFree: number }>(u.priya, "POST", "users/roles/preview", {
      role: "Team",
      userIds: ids(tooMany.slice(1)),
    });
    expect(fits.body.seatsFree).toBe(before.available); // nothing was held
    expect((await seats()).available).toBe(before.available);

    const badId = await u.call<{ error: { message: string } }>(u.priya, "POST", "users/roles", {
      role: "Team",
      userIds: ids(tooMany.slice(0, 1)),
      holdId: "not-a-hold",
    });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toMatch(/holdId must be the id POST users\/roles\/holds answered/);
    const badDelete = await u.call<{ error: { message: string } }>(u.priya, "DELETE", "users/roles/holds/not-a-hold");
    expect(badDelete.status).toBe(400);
    expect(await seats()).toEqual(before);
  });
});
