import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssignRolesResponse, UsersOverviewResponse } from "../../../functions/contracts/users";
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
