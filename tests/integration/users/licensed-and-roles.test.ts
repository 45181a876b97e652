import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  AssignRolesPreviewResponse,
  AssignRolesResponse,
  DefaultRoleResponse,
  ListMembersResponse,
  UsersOverviewResponse,
} from "../../../functions/contracts/users";
import { signIn } from "../support/sign-in";
import { licensedEmails, ok, setRoles, startUsersStack, userId, type UsersStack } from "./support/users-stack";

let u: UsersStack;
beforeAll(async () => {
  u = await startUsersStack();
  await setRoles(u, "Default", ["aisha.okafor", "sofia.hernandez", "chloe.dubois"]);
  await setRoles(u, "Budget", ["grace.wright"]);
});
afterAll(async () => {
  await u?.stack.stop();
});

const list = (query = "") => ok(u.call<ListMembersResponse>(u.priya, "GET", `users/licensed${query}`));

describe("the licensed users list", () => {
  it("shows licensed users by name with their role, 'Default (Team)' for members on the default role", async () => {
    const { members, continuationToken } = await list();
    expect(continuationToken).toBeNull();
    expect(members.map((m) => m.displayName)).toEqual([
      "Aisha Okafor",
      "Chloé Dubois",
      "Grace Wright",
      "Liam O'Connor",
      "Marcus Johnson",
      "Priya Patel",
      "Sofía Hernández",
    ]);
    expect(members.find((m) => m.displayName === "Aisha Okafor")).toMatchObject({
      email: "aisha.okafor@fabrikam.example",
      role: { assigned: "Default", effective: "Team", label: "Default (Team)", rules: [] },
    });
    expect(members.find((m) => m.displayName === "Grace Wright")?.role.label).toBe("Budget");
    expect(members.some((m) => m.displayName === "Daniel Kim")).toBe(false); // None
  });

  it("finds users by part of their name or e-mail, ignoring case", async () => {
    expect((await list("?search=OKAF")).members.map((m) => m.displayName)).toEqual(["Aisha Okafor"]);
    expect((await list("?search=hern%C3%A1ndez")).members.map((m) => m.displayName)).toEqual(["Sofía Hernández"]);
    expect((await list("?search=grace.wright%40fabrikam")).members.map((m) => m.displayName)).toEqual(["Grace Wright"]);
    expect((await list("?search=nobody-like-this")).members).toEqual([]);
  });

  it("sorts by e-mail or role, either way", async () => {
    const byEmailDesc = (await list("?sort=email&direction=desc")).members.map((m) => m.email);
    expect(byEmailDesc).toEqual([...byEmailDesc].sort().reverse());
    const byRole = (await list("?sort=role&direction=desc")).members.map((m) => m.role.assigned);
    expect(byRole[0]).toBe("Default");
    expect(byRole.slice(-1)[0]).toBe("Team");
  });

  it("pages with continuation tokens, without gaps or repeats", async () => {
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const page: ListMembersResponse = await list(
        `?pageSize=2${token ? `&continuation=${encodeURIComponent(token)}` : ""}`,
      );
      expect(page.members.length).toBeLessThanOrEqual(2);
      seen.push(...page.members.map((m) => m.email));
      token = page.continuationToken;
      pages++;
    } while (token);
    expect(pages).toBe(4);
    expect(seen.sort()).toEqual(await licensedEmails(u));
  });

  it.each([
    ["?sort=age", /sort must be name, email or role/],
    ["?direction=up", /direction must be asc or desc/],
    ["?pageSize=0", /pageSize/],
    ["?pageSize=201", /pageSize/],
    ["?pageSize=ten", /pageSize must be a number/],
    ["?colour=blue", /colour/],
    [`?search=${"x".repeat(201)}`, /at most 200 characters/],
    ["?continuation=garbage", /continuation token is not valid/],
  ])("answers 400 with a reason for %s", async (query, reason) => {
    const { status, body } = await u.call<{ error: { message: string } }>(u.priya, "GET", `users/licensed${query}`);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(reason);
  });

  it("refuses a continuation token of another sort", async () => {
    const { continuationToken } = await list("?pageSize=2&sort=email");
    const { status } = await u.call(
      u.priya,
      "GET",
      `users/licensed?pageSize=2&sort=name&continuation=${encodeURIComponent(continuationToken!)}`,
    );
    expect(status).toBe(400);
  });
});

describe("assigning roles", () => {
  it("adds unlicensed organization users with a role, effective at once, and says so", async () => {
    const ids = ["rahul.sharma", "zara.ahmed"].map((l) => userId(u.stack, l));
    const before = await ok(u.call<UsersOverviewResponse>(u.priya, "GET", "users/overview"));
    const answer = await ok(
      u.call<AssignRolesResponse>(u.priya, "POST", "users/roles", { role: "Product", userIds: ids }),
    );
    expect(answer).toMatchObject({ succeeded: 2, changed: 2, failed: [], message: "Role was successfully changed" });
    expect(answer.seats.licensed).toBe(before.seats.licensed + 2);
    expect(await licensedEmails(u)).toEqual(
      expect.arrayContaining(["rahul.sharma@fabrikam.example", "zara.ahmed@fabrikam.example"]),
    );
    const rahul = await signIn(u.stack, "fabrikam", "rahul.sharma@fabrikam.example");
    expect((await ok(u.call<{ role: { effective: string } }>(rahul, "GET", "me"))).role.effective).toBe("Product");
  });

  it("takes the seat back with None: the user leaves the licensed list", async () => {
    const zara = userId(u.stack, "zara.ahmed");
    const answer = await ok(
      u.call<AssignRolesResponse>(u.priya, "POST", "users/roles", { role: "None", userIds: [zara] }),
    );
    expect(answer.succeeded).toBe(1);
    expect(await licensedEmails(u)).not.toContain("zara.ahmed@fabrikam.example");
  });

  it("reports a user that is already on the role as succeeded, unchanged", async () => {
    const answer = await ok(
      u.call<AssignRolesResponse>(u.priya, "POST", "users/roles", {
        role: "Budget",
        userIds: [userId(u.stack, "grace.wright")],
      }),
    );
    expect(answer).toMatchObject({ succeeded: 1, changed: 0 });
  });

  it("fails users outside the organization one by one, and applies the rest", async () => {
    const contosoUser = u.stack.devops.state.org("contoso").users[0].id;
    const answer = await ok(
      u.call<AssignRolesResponse>(u.priya, "POST", "users/roles", {
        role: "Team",
        userIds: [userId(u.stack, "benjamin.lee"), contosoUser, "not-a-user"],
      }),
    );
    expect(answer.succeeded).toBe(1);
    expect(answer.failed).toEqual([
      { userId: contosoUser, message: "This user is not a user of this Azure DevOps organization." },
      { userId: "not-a-user", message: "This user is not a user of this Azure DevOps organization." },
    ]);
  });

  it("keeps an Administrator who is no PCA from taking their own role away, alone of the users changed", async () => {
    // Marcus is a Timetracker Administrator, not a Project Collection Administrator.
    const marcus = u.marcus.user.id;
    const benjamin = userId(u.stack, "benjamin.lee");
    const refusal = /You cannot take away your own Administrator role: you would lose access to user management/;
    const alone = await u.call<{ error: { message: string } }>(u.marcus, "POST", "users/roles", {
      role: "None",
      userIds: [marcus],
    });
    expect(alone.status).toBe(400);
    expect(alone.body.error.message).toMatch(refusal);
    // Selected with others (Select all of a filter): the others change, he stays, and the preview said so first.
    const preview = await ok(
      u.call<AssignRolesPreviewResponse>(u.marcus, "POST", "users/roles/preview", {
        role: "Team",
        userIds: [marcus, benjamin],
      }),
    );
    expect(preview.problems).toEqual([{ userId: marcus, message: expect.stringMatching(refusal) }]);
    const both = await ok(
      u.call<AssignRolesResponse>(u.marcus, "POST", "users/roles", { role: "Team", userIds: [marcus, benjamin] }),
    );
    expect(both).toMatchObject({ succeeded: 1, failed: [{ userId: marcus }] });
    const me = await ok(u.call<{ mayManageUsers: boolean; role: { effective: string } }>(u.marcus, "GET", "me"));
    expect(me).toMatchObject({ mayManageUsers: true, role: { effective: "Administrator" } });
    // A PCA manages users without the role: Priya may change her own.
    await ok(u.call(u.priya, "POST", "users/roles", { role: "Product", userIds: [u.priya.user.id] }));
    await ok(u.call(u.priya, "POST", "users/roles", { role: "Administrator", userIds: [u.priya.user.id] }));
  });

  it.each([
    ["an empty body", "", /body is empty/],
    ["malformed JSON", "{role:", /not valid JSON/],
    ["no users", { role: "Team", userIds: [] }, /at least one user/],
    ["users not a list", { role: "Team", userIds: "abc" }, /userIds must be a list/],
    [
      "an unknown role",
      { role: "Boss", userIds: ["x"] },
      /role must be one of Default, None, Team, Product, Budget, Administrator/,
    ],
    ["a wrong type", { role: 3, userIds: ["x"] }, /role must be one of/],
    ["unknown fields", { role: "Team", userIds: ["x"], org: "contoso" }, /org/],
    [
      "too many users",
      { role: "Team", userIds: Array.from({ length: 10_001 }, (_, i) => `u${i}`) },
      /at most 10000 users/,
    ],
    ["the same user twice", { role: "Team", userIds: ["AB", "ab"] }, /listed more than once: ab/],
    [
      "only users outside the org",
      { role: "Team", userIds: ["nobody"] },
      /No user was changed: This user is not a user of this Azure DevOps organization/,
    ],
  ])("refuses %s with 400 and changes nothing", async (_, body, reason) => {
    const before = await licensedEmails(u);
    const { status, body: answer } = await u.call<{ error: { message: string } }>(u.priya, "POST", "users/roles", body);
    expect(status).toBe(400);
    expect(answer.error.message).toMatch(reason);
    expect(await licensedEmails(u)).toEqual(before);
  });
});

describe("the Default Role", () => {
  it("moves everyone on Default at once and answers 'Role was successfully changed'", async () => {
    const answer = await ok(u.call<DefaultRoleResponse>(u.marcus, "PATCH", "users/default-role", { role: "Product" }));
    expect(answer).toMatchObject({ defaultRole: "Product", message: "Role was successfully changed" });
    const { members } = await list("?search=okafor");
    expect(members[0].role).toEqual({
      assigned: "Default",
      effective: "Product",
      label: "Default (Product)",
      rules: [],
    });
    const aisha = await signIn(u.stack, "fabrikam", "aisha.okafor@fabrikam.example");
    expect((await ok(u.call<{ role: { effective: string } }>(aisha, "GET", "me"))).role.effective).toBe("Product");
    await ok(u.call(u.marcus, "PATCH", "users/default-role", { role: "Team" }));
  });

  it("keeps an Administrator only through the default role from moving the default below Administrator", async () => {
    // Marcus (no PCA) on Default while the default is Administrator.
    await ok(u.call(u.priya, "PATCH", "users/default-role", { role: "Administrator" }));
    await ok(u.call(u.priya, "POST", "users/roles", { role: "Default", userIds: [u.marcus.user.id] }));
    try {
      const refused = await u.call<{ error: { message: string } }>(u.marcus, "PATCH", "users/default-role", {
        role: "Team",
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe(
        "You are an Administrator through the default role: changing it to Team would take away your access to user management. Give yourself the Administrator role first, or ask another Timetracker Administrator or a Project Collection Administrator.",
      );
      const org = await ok(u.call<{ defaultRole: string }>(u.priya, "GET", "users/overview"));
      expect(org.defaultRole).toBe("Administrator");
      // A PCA may: Priya is one whatever her role.
      await ok(u.call(u.priya, "PATCH", "users/default-role", { role: "Team" }));
    } finally {
      await ok(u.call(u.priya, "PATCH", "users/default-role", { role: "Team" }));
      await ok(u.call(u.priya, "POST", "users/roles", { role: "Administrator", userIds: [u.marcus.user.id] }));
    }
  });

  it("frees the seats of everyone on Default when the default becomes None, and back", async () => {
    const licensed = (await ok(u.call<UsersOverviewResponse>(u.priya, "GET", "users/overview"))).seats.licensed;
    const down = await ok(u.call<DefaultRoleResponse>(u.priya, "PATCH", "users/default-role", { role: "None" }));
    expect(down.seats.licensed).toBe(licensed - 3);
    expect(await licensedEmails(u)).not.toContain("aisha.okafor@fabrikam.example");
    const up = await ok(u.call<DefaultRoleResponse>(u.priya, "PATCH", "users/default-role", { role: "Team" }));
    expect(up.seats.licensed).toBe(licensed);
  });

  it.each([
    [{ role: "Default" }, /role must be one of None, Team, Product, Budget, Administrator/],
    [{ role: "team" }, /role must be one of/],
    [{}, /role/],
    [{ role: "Team", extra: true }, /extra/],
  ])("refuses %j with 400", async (body, reason) => {
    const { status, body: answer } = await u.call<{ error: { message: string } }>(
      u.priya,
      "PATCH",
      "users/default-role",
      body,
    );
    expect(status).toBe(400);
    expect(answer.error.message).toMatch(reason);
    expect((await ok(u.call<UsersOverviewResponse>(u.priya, "GET", "users/overview"))).defaultRole).toBe("Team");
  });
});
