import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RestAssignResponse, RestRolesResponse } from "../../../functions/contracts/rest-users";
import type { AuditResponse, CreateTokenResponse } from "../../../functions/contracts/users";
import { signIn } from "../support/sign-in";
import { bearer, rest } from "./support/rest-client";
import {
  email,
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
let token: string;
beforeAll(async () => {
  u = await startUsersStack();
  await setRoles(u, "Default", ["aisha.okafor"]);
  token = (await ok(u.call<CreateTokenResponse>(u.priya, "POST", "tokens", { name: "rest tests" }))).secret;
  // Users Timetracker has not seen yet are looked up with the org's service account.
  await ok(
    u.call(u.priya, "POST", "users/service-account", {
      pat: u.stack.devops.state.createPat("fabrikam", email("priya.patel")),
    }),
  );
});
afterAll(async () => {
  await u?.stack.stop();
});

/** Each call as a script would; a fresh token per test keeps the rate limit out of the way. */
async function call<T>(method: string, path: string, body?: unknown) {
  return rest<T>(u.stack, bearer(token), method, path, body);
}
async function freshToken(): Promise<void> {
  token = (await ok(u.call<CreateTokenResponse>(u.priya, "POST", "tokens", { name: "rest tests" }))).secret;
}

describe("GET /api/rest/users/roles", () => {
  it("lists licensed users with 7pace's shape", async () => {
    await freshToken();
    const { status, body } = await call<RestRolesResponse>("GET", "users/roles");
    expect(status).toBe(200);
    expect(body.data.map((r) => r.user.email)).toEqual(
      ["aisha.okafor", "liam.oconnor", "marcus.johnson", "priya.patel"].map(email),
    );
    expect(body.data[0]).toEqual({
      user: {
        id: userId(u.stack, "aisha.okafor"),
        vstsId: userId(u.stack, "aisha.okafor"),
        email: email("aisha.okafor"),
        uniqueName: email("aisha.okafor"),
      },
      role: { id: 1, name: "Team" },
      isDefaultRole: true,
    });
    expect(body.data[2]).toMatchObject({ role: { id: 4, name: "Administrator" }, isDefaultRole: false });
  });

  it("adds display names with $expand and None users with includeNoneRoles", async () => {
    const { body } = await call<RestRolesResponse>("GET", "users/roles?$expand=user.displayName&includeNoneRoles=true");
    expect(body.data.find((r) => r.user.email === email("daniel.kim"))).toMatchObject({
      user: { displayName: "Daniel Kim" },
      role: { id: 0, name: "None" },
    });
  });

  it("lists every organization user with includeNoneRoles (fabrikam's 25), the ones without a role as None, paged with $skip and $count", async () => {
    await freshToken();
    const orgUsers = u.stack.devops.state.org("fabrikam").users;
    expect(orgUsers).toHaveLength(25);
    const { status, body } = await call<RestRolesResponse>(
      "GET",
      "users/roles?includeNoneRoles=true&$count=500&$expand=user.displayName",
    );
    expect(status).toBe(200);
    expect(body.data.map((r) => r.user.id).sort()).toEqual(orgUsers.map((o) => o.id).sort());
    const licensed = new Map(
      (await call<RestRolesResponse>("GET", "users/roles")).body.data.map((r) => [r.user.id, r.role]),
    );
    for (const row of body.data) expect(row.role).toEqual(licensed.get(row.user.id) ?? { id: 0, name: "None" });
    // Someone who never opened Timetracker is there too, with their name.
    expect(body.data.find((r) => r.user.email === email("zara.ahmed"))).toMatchObject({
      user: { displayName: "Zara Ahmed" },
      role: { name: "None" },
      isDefaultRole: false,
    });

    const pages = await Promise.all(
      ["$count=10", "$count=10&$skip=10", "$count=10&$skip=20"].map((q) =>
        call<RestRolesResponse>("GET", `users/roles?includeNoneRoles=true&${q}`),
      ),
    );
    expect(pages.flatMap((p) => p.body.data.map((r) => r.user.id))).toEqual(body.data.map((r) => r.user.id));
    expect((await call<RestRolesResponse>("GET", "users/roles?includeNoneRoles=true&$skip=25")).body.data).toEqual([]);
  });

  it("pages with $count and $skip", async () => {
    const all = (await call<RestRolesResponse>("GET", "users/roles")).body.data.map((r) => r.user.id);
    const first = (await call<RestRolesResponse>("GET", "users/roles?$count=3")).body.data.map((r) => r.user.id);
    const rest_ = (await call<RestRolesResponse>("GET", "users/roles?$count=3&$skip=3")).body.data.map(
      (r) => r.user.id,
    );
    expect([...first, ...rest_]).toEqual(all);
    expect((await call<RestRolesResponse>("GET", "users/roles?$skip=100")).body.data).toEqual([]);
  });

  it.each([
    ["$count=0", /\$count must be at least 1/],
    ["$count=501", /\$count must be at most 500/],
    ["$count=ten", /\$count must be a whole number/],
    ["$skip=-1", /\$skip must be a whole number/],
    ["$expand=user.email", /\$expand supports only user.displayName/],
    ["includeNoneRoles=maybe", /must be true or false/],
    ["top=5", /top/],
  ])("answers 400 for %s", async (query, reason) => {
    await freshToken();
    const { status, body } = await call<{ error: { message: string } }>("GET", `users/roles?${query}`);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(reason);
  });
});

describe("POST /api/rest/users/roles", () => {
  it("assigns roles by id, vstsId or e-mail, and by role name or id", async () => {
    await freshToken();
    const { status, body } = await call<RestAssignResponse>("POST", "users/roles", {
      users: [
        { id: userId(u.stack, "grace.wright"), role: { name: "Product" } },
        { vstsId: userId(u.stack, "mei.chen"), role: { id: 3 } },
        { email: "AISHA.OKAFOR@fabrikam.example", role: { name: "budget" } },
      ],
    });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { succeeded: 3, failed: 0, failedEntries: [] } });
    const roles = (await call<RestRolesResponse>("GET", "users/roles")).body.data;
    const roleOf = (local: string) => roles.find((r) => r.user.email === email(local))?.role.name;
    expect([roleOf("grace.wright"), roleOf("mei.chen"), roleOf("aisha.okafor")]).toEqual([
      "Product",
      "Budget",
      "Budget",
    ]);
  });

  it("records the token's owner and the REST API in the audit trail", async () => {
    const { entries } = await ok(u.call<AuditResponse>(u.priya, "GET", "users/audit"));
    expect(entries[0]).toMatchObject({ surface: "rest-api", actor: { displayName: "Priya Patel" } });
    expect(entries[0].changes).toHaveLength(3);
  });

  it("fails bad entries one by one with their reason and applies the others", async () => {
    await freshToken();
    const contosoUser = u.stack.devops.state.org("contoso").users[0].id;
    const entries = [
      { id: userId(u.stack, "yuki.tanaka"), role: { name: "Team" } },
      { id: userId(u.stack, "olivia.brown"), role: { name: "Boss" } },
      { id: userId(u.stack, "olivia.brown"), role: { id: 42 } },
      { email: "nobody@fabrikam.example", role: { name: "Team" } },
      { id: userId(u.stack, "noah.williams"), role: { name: "Team" } },
      { email: email("noah.williams"), role: { name: "Product" } },
      { role: { name: "Team" } },
      { id: 7, role: { name: "Team" } },
      { id: userId(u.stack, "zara.ahmed") },
      "not an object",
      { id: contosoUser, role: { name: "Team" } },
      { id: userId(u.stack, "ethan.clarke"), email: email("zara.ahmed"), role: { name: "Team" } },
    ];
    const { status, body } = await call<RestAssignResponse>("POST", "users/roles", { users: entries });
    expect(status).toBe(200);
    expect(body.data.succeeded).toBe(1);
    const reasons = body.data.failedEntries.map((f) => [f.entity, f.error.message]);
    expect(reasons).toEqual([
      [entries[1], expect.stringMatching(/Unknown role name 'Boss'/)],
      [entries[2], expect.stringMatching(/Unknown role id 42/)],
      [entries[3], "No user with the e-mail address nobody@fabrikam.example in this organization."],
      [entries[4], "This user is listed more than once in the request."],
      [entries[5], "This user is listed more than once in the request."],
      [entries[6], "Name the user with email, id or vstsId."],
      [entries[7], expect.stringMatching(/id must be a string/)],
      [entries[8], expect.stringMatching(/role/)],
      [entries[9], expect.stringMatching(/expected object/i)],
      [entries[10], "This user is not a user of this Azure DevOps organization."],
      [entries[11], "email and id name different users."],
    ]);
    expect(await licensedEmails(u)).toContain(email("yuki.tanaka"));
    expect(await licensedEmails(u)).not.toContain(email("noah.williams"));
  });

  it("answers 422 when no entry could be applied", async () => {
    const { status, body } = await call<RestAssignResponse & { error: { code: string; message: string } }>(
      "POST",
      "users/roles",
      {
        users: [{ email: "nobody@fabrikam.example", role: { name: "Team" } }],
      },
    );
    expect(status).toBe(422);
    expect(body.data).toMatchObject({ succeeded: 0, failed: 1 });
    expect(body.error).toMatchObject({
      code: "validation",
      message: expect.stringMatching(/No entry could be applied/),
    });
  });

  it.each([
    ["an empty body", "", /body is empty/],
    ["malformed JSON", "{users:", /not valid JSON/],
    ["no users list", { people: [] }, /users must be a list/],
    ["an empty list", { users: [] }, /at least one entry/],
    ["users not a list", { users: { id: "x" } }, /users must be a list/],
    [
      "more than 1,000 entries",
      { users: Array.from({ length: 1001 }, (_, i) => ({ id: `u${i}`, role: { id: 1 } })) },
      /at most 1000 entries/,
    ],
  ])("refuses %s with 400 and changes nothing", async (_, body, reason) => {
    await freshToken();
    const before = await licensedEmails(u);
    const { status, body: answer } = await call<{ error: { message: string } }>("POST", "users/roles", body);
    expect(status).toBe(400);
    expect(answer.error.message).toMatch(reason);
    expect(await licensedEmails(u)).toEqual(before);
  });

  it("checks the seats for the whole request before writing anything", async () => {
    await freshToken();
    const licensed = (await licensedEmails(u)).length;
    await setPlan(u.priya.org.id, subscription(licensed + 1));
    const before = await licensedEmails(u);
    const { status, body } = await call<{ error: { code: string; message: string } }>("POST", "users/roles", {
      users: [
        { email: email("hannah.schmidt"), role: { name: "Team" } },
        { email: email("diego.alvarez"), role: { name: "Team" } },
      ],
    });
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: "seat_limit", message: expect.stringMatching(/only 1 seat is free/) });
    expect(await licensedEmails(u)).toEqual(before);
    // A swap at full capacity fits: one user leaves as another comes.
    const swap = await call<RestAssignResponse>("POST", "users/roles", {
      users: [
        { email: email("hannah.schmidt"), role: { name: "Team" } },
        { email: email("diego.alvarez"), role: { name: "Team" } },
        { email: email("yuki.tanaka"), role: { name: "None" } },
      ],
    });
    expect(swap.status).toBe(200);
    expect(swap.body.data.succeeded).toBe(3);
    await setPlan(u.priya.org.id, null);
  });

  it("refuses a token's owner who manages users only through their role taking it from themselves; a PCA may", async () => {
    const marcusToken = (await ok(u.call<CreateTokenResponse>(u.marcus, "POST", "tokens", { name: "own role" })))
      .secret;
    const marcus = userId(u.stack, "marcus.johnson");
    const own = await rest<RestAssignResponse>(u.stack, bearer(marcusToken), "POST", "users/roles", {
      users: [
        { id: marcus, role: { name: "Team" } },
        { email: email("grace.wright"), role: { name: "Budget" } },
      ],
    });
    expect(own.status).toBe(200);
    expect(own.body.data.failedEntries).toEqual([
      {
        entity: { id: marcus, role: { name: "Team" } },
        error: { message: expect.stringMatching(/^You cannot take away your own Administrator role/) },
      },
    ]);
    expect(own.body.data.succeeded).toBe(1);
    // The token still works: its owner is still an Administrator.
    expect((await rest(u.stack, bearer(marcusToken), "GET", "users/roles")).status).toBe(200);

    // Sofia is a Project Collection Administrator (the service account says so): she may.
    await setRoles(u, "Administrator", ["sofia.hernandez"]);
    const sofia = await signIn(u.stack, "fabrikam", email("sofia.hernandez"));
    const sofiaToken = (await ok(u.call<CreateTokenResponse>(sofia, "POST", "tokens", { name: "own role" }))).secret;
    const pca = await rest<RestAssignResponse>(u.stack, bearer(sofiaToken), "POST", "users/roles", {
      users: [{ email: email("sofia.hernandez"), role: { name: "Team" } }],
    });
    expect(pca.body.data).toMatchObject({ succeeded: 1, failed: 0 });
  });

  it("answers 409 'service account not configured' when it must look users up without one", async () => {
    await freshToken();
    await ok(u.call(u.priya, "DELETE", "users/service-account"));
    const { status, body } = await call<{ error: { message: string } }>("POST", "users/roles", {
      users: [{ email: email("lukas.novak"), role: { name: "Team" } }],
    });
    expect(status).toBe(409);
    expect(body.error.message).toMatch(/^service account not configured/);
    // Users Timetracker knows need no lookup.
    const known = await call<RestAssignResponse>("POST", "users/roles", {
      users: [{ email: email("grace.wright"), role: { name: "Team" } }],
    });
    expect(known.status).toBe(200);
  });
});
