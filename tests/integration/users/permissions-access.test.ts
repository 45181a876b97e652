import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "../../../functions/http/route";
import type { AuditResponse, UsersOverviewResponse } from "../../../functions/contracts/users";
import { signIn } from "../support/sign-in";
import { ok, setRoles, startUsersStack, userId, type UsersStack } from "./support/users-stack";

let u: UsersStack;
beforeAll(async () => {
  u = await startUsersStack();
});
afterAll(async () => {
  await u?.stack.stop();
});

/** One request per user-management route (ids need not exist: access is decided first). */
const REQUESTS: Array<[string, string, string, unknown?]> = [
  ["users-overview", "GET", "users/overview"],
  ["users-licensed", "GET", "users/licensed"],
  ["users-licensed-rules", "GET", "users/licensed/rules"],
  ["users-licensed-ids", "GET", "users/licensed/ids"],
  ["users-assign-roles", "POST", "users/roles", { role: "Team", userIds: ["00000000-0000-0000-0000-000000000000"] }],
  [
    "users-preview-roles",
    "POST",
    "users/roles/preview",
    { role: "Team", userIds: ["00000000-0000-0000-0000-000000000000"] },
  ],
  [
    "users-hold-seats",
    "POST",
    "users/roles/holds",
    { role: "Team", userIds: ["00000000-0000-0000-0000-000000000000"] },
  ],
  ["users-release-seat-hold", "DELETE", "users/roles/holds/00000000-0000-0000-0000-000000000000"],
  ["users-default-role", "PATCH", "users/default-role", { role: "Team" }],
  ["users-unlicensed", "GET", "users/unlicensed"],
  ["users-groups", "GET", "users/groups?query=Eng"],
  ["users-group-members", "GET", "users/group-members?descriptor=vssgp.abc"],
  ["users-lookup", "GET", "users/lookup?email=someone%40fabrikam.example"],
  ["users-audit", "GET", "users/audit"],
  ["users-service-account-get", "GET", "users/service-account"],
  ["users-service-account-save", "POST", "users/service-account", { pat: "x".repeat(52) }],
  ["users-service-account-delete", "DELETE", "users/service-account"],
  ["users-group-rules-list", "GET", "users/group-rules"],
  ["users-group-rules-preview", "POST", "users/group-rules/preview", { groupDescriptor: "vssgp.abc", role: "Team" }],
  ["users-group-rules-create", "POST", "users/group-rules", { groupDescriptor: "vssgp.abc", role: "Team" }],
  ["users-group-rules-sync-all", "POST", "users/group-rules/sync"],
  ["users-group-rules-delete-preview", "GET", "users/group-rules/rule-abc/delete-preview"],
  ["users-group-rules-delete", "DELETE", "users/group-rules/rule-abc"],
  ["users-group-rules-sync", "POST", "users/group-rules/rule-abc/sync"],
  ["users-group-rules-confirm-removals", "POST", "users/group-rules/rule-abc/confirm-removals", { count: 10 }],
  ["tokens-list", "GET", "tokens"],
  ["tokens-create", "POST", "tokens", { name: "script" }],
  ["tokens-revoke", "DELETE", "tokens/00000000-0000-0000-0000-000000000000"],
];

describe("who may manage users", () => {
  it("covers every user-management route the app registers", () => {
    const registered = ROUTES.filter((r) => r.auth === "user" && /^(users-|tokens-)/.test(r.name)).map((r) => r.name);
    expect(registered.sort()).toEqual(REQUESTS.map(([name]) => name).sort());
  });

  it.each(REQUESTS)("refuses a Team member: %s", async (_, method, path, body) => {
    const { status, body: answer } = await u.call(u.liam, method, path, body);
    expect(status).toBe(403);
    expect(answer).toEqual({
      error: {
        code: "forbidden",
        message:
          "Only Project Collection Administrators and Timetracker Administrators can manage Timetracker users and roles.",
      },
    });
  });

  it("refuses callers who are not signed in", async () => {
    for (const [, method, path, body] of REQUESTS)
      expect((await u.call({ headers: {} }, method, path, body)).status).toBe(401);
  });

  it("lets a Project Collection Administrator without a Timetracker role manage users", async () => {
    const overview = await ok(u.call<UsersOverviewResponse>(u.daniel, "GET", "users/overview"));
    expect(overview.you).toMatchObject({ isPca: true, role: { effective: "None" } });
    expect((await u.call(u.daniel, "GET", "users/licensed")).status).toBe(200);
  });

  it("lets a Timetracker Administrator who is not a PCA manage users", async () => {
    const overview = await ok(u.call<UsersOverviewResponse>(u.marcus, "GET", "users/overview"));
    expect(overview.you).toMatchObject({ isPca: false, role: { effective: "Administrator" } });
    await setRoles(u, "Product", ["grace.wright"]);
    expect(
      (await u.call(u.marcus, "POST", "users/roles", { role: "Budget", userIds: [userId(u.stack, "grace.wright")] }))
        .status,
    ).toBe(200);
  });

  it("stops an Administrator who is demoted at once", async () => {
    await setRoles(u, "Administrator", ["mei.chen"]);
    const mei = await signIn(u.stack, "fabrikam", "mei.chen@fabrikam.example");
    expect((await u.call(mei, "GET", "users/overview")).status).toBe(200);
    await setRoles(u, "Budget", ["mei.chen"]);
    expect((await u.call(mei, "GET", "users/overview")).status).toBe(403);
  });
});

describe("the audit trail", () => {
  it("records who changed whose role, from what to what, through which surface, newest first", async () => {
    const hannah = await signIn(u.stack, "fabrikam", "hannah.schmidt@fabrikam.example");
    await ok(u.call(hannah, "GET", "me")); // a new user in the trial: Default, automatically
    await setRoles(u, "Product", ["yuki.tanaka"]);
    await setRoles(u, "Team", ["yuki.tanaka"]);
    await ok(u.call(u.marcus, "PATCH", "users/default-role", { role: "Product" }));
    await ok(u.call(u.marcus, "PATCH", "users/default-role", { role: "Team" }));
    const { entries } = await ok(u.call<AuditResponse>(u.daniel, "GET", "users/audit"));
    expect(entries[0]).toMatchObject({
      surface: "default-role",
      actor: { displayName: "Marcus Johnson" },
      defaultRole: { from: "Product", to: "Team" },
      changes: [],
    });
    expect(entries[1]).toMatchObject({ surface: "default-role", defaultRole: { from: "Team", to: "Product" } });
    expect(entries[2]).toMatchObject({
      surface: "permissions-page",
      actor: { displayName: "Priya Patel" },
      changes: [
        { user: { displayName: "Yuki Tanaka", email: "yuki.tanaka@fabrikam.example" }, from: "Product", to: "Team" },
      ],
    });
    expect(entries[3]).toMatchObject({
      changes: [{ user: { displayName: "Yuki Tanaka" }, from: null, to: "Product" }],
    });
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    // The first user's own record is in the trail too.
    const all: AuditResponse["entries"] = [];
    let continuation: string | null = null;
    do {
      const page: AuditResponse = await ok(
        u.call<AuditResponse>(
          u.priya,
          "GET",
          `users/audit${continuation ? `?continuation=${encodeURIComponent(continuation)}` : ""}`,
        ),
      );
      all.push(...page.entries);
      continuation = page.continuationToken;
    } while (continuation);
    expect(all.at(-1)).toMatchObject({
      surface: "first-user",
      changes: [{ user: { displayName: "Priya Patel" }, from: null, to: "Administrator" }],
    });
    expect(all.find((e) => e.surface === "auto-default")).toMatchObject({
      changes: [{ user: { displayName: "Hannah Schmidt" }, from: null, to: "Default" }],
    });
  });

  it("refuses a damaged continuation token with a clear message", async () => {
    const { status, body } = await u.call(u.priya, "GET", "users/audit?continuation=not-a-token");
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/continuation/i);
  });
});
