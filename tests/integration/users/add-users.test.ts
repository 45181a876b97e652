import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DirectoryUsersResponse, GroupSearchResponse } from "../../../functions/contracts/users";
import { ok, setRoles, startUsersStack, type UsersStack } from "./support/users-stack";

let u: UsersStack;
beforeAll(async () => {
  // Small Azure DevOps pages so that paging shows with the seeded org.
  u = await startUsersStack({ pageSizes: { entitlements: 4 } });
});
afterAll(async () => {
  await u?.stack.stop();
});

async function allUnlicensed(search = ""): Promise<DirectoryUsersResponse["users"]> {
  const users: DirectoryUsersResponse["users"] = [];
  let token: string | null = null;
  let calls = 0;
  do {
    const query = new URLSearchParams({ ...(search ? { search } : {}), ...(token ? { continuation: token } : {}) });
    const page: DirectoryUsersResponse = await ok(
      u.call<DirectoryUsersResponse>(u.priya, "GET", `users/unlicensed?${query}`),
    );
    users.push(...page.users);
    token = page.continuationToken;
    calls++;
  } while (token && calls < 20);
  return users;
}

describe("+ Add Users: unlicensed organization users", () => {
  it("lists every Azure DevOps user without a seat, page by page, and none with one", async () => {
    const users = await allUnlicensed();
    const org = u.stack.devops.state.org("fabrikam");
    const licensed = ["priya.patel", "marcus.johnson", "liam.oconnor"].map((l) => `${l}@fabrikam.example`);
    expect(users.map((x) => x.email).sort()).toEqual(
      org.users
        .map((x) => x.email)
        .filter((e) => !licensed.includes(e))
        .sort(),
    );
    expect(users.find((x) => x.displayName === "Daniel Kim")).toMatchObject({
      licensed: false,
      role: { assigned: "None", effective: "None" },
    });
  });

  it("finds users by name", async () => {
    const users = await allUnlicensed("okafor");
    expect(users.map((x) => x.displayName)).toEqual(["Aisha Okafor"]);
  });

  it("drops users from the list once they are added", async () => {
    await setRoles(u, "Team", ["aisha.okafor"]);
    expect(await allUnlicensed("okafor")).toEqual([]);
    await setRoles(u, "None", ["aisha.okafor"]);
    expect((await allUnlicensed("okafor")).map((x) => x.displayName)).toEqual(["Aisha Okafor"]);
  });

  it("refuses a damaged continuation token with 400", async () => {
    const { status } = await u.call(u.priya, "GET", "users/unlicensed?continuation=%25%25bad");
    expect(status).toBe(400);
  });
});

describe("Add by group", () => {
  it("finds Azure DevOps and Entra groups by the start of their name", async () => {
    const { groups } = await ok(u.call<GroupSearchResponse>(u.priya, "GET", "users/groups?query=Con"));
    expect(groups.map((g) => [g.principalName, g.source])).toEqual([
      ["[Fabrikam Web]\\Contributors", "Azure DevOps"],
      ["[Fabrikam Mobile]\\Contributors", "Azure DevOps"],
    ]);
    const entra = await ok(u.call<GroupSearchResponse>(u.priya, "GET", "users/groups?query=plat"));
    expect(entra.groups).toEqual([
      expect.objectContaining({ displayName: "Platform Team", source: "Microsoft Entra ID" }),
    ]);
  });

  it("shows a group's members now, nested groups expanded, each once, with their Timetracker role", async () => {
    const { groups } = await ok(u.call<GroupSearchResponse>(u.priya, "GET", "users/groups?query=Fabrikam%20Web"));
    expect(groups).toEqual([]); // prefix of the name, not of the project
    const contributors = (await ok(u.call<GroupSearchResponse>(u.priya, "GET", "users/groups?query=Contributors")))
      .groups[0];
    const { users } = await ok(
      u.call<DirectoryUsersResponse>(
        u.priya,
        "GET",
        `users/group-members?descriptor=${encodeURIComponent(contributors.descriptor)}`,
      ),
    );
    // [Fabrikam Web]\Contributors: 3 users, Engineering (5 users) and, inside it, Platform Team (4 users).
    expect(users).toHaveLength(12);
    expect(new Set(users.map((x) => x.id)).size).toBe(12);
    expect(users.map((x) => x.displayName)).toEqual(
      expect.arrayContaining(["Marcus Johnson", "Liam O'Connor", "Zara Ahmed", "Chloé Dubois"]),
    );
    expect(users.find((x) => x.displayName === "Marcus Johnson")).toMatchObject({
      licensed: true,
      role: { effective: "Administrator" },
    });
    expect(users.find((x) => x.displayName === "Zara Ahmed")).toMatchObject({ licensed: false });
  });

  it("licenses the individuals in the group now, not the group", async () => {
    const platform = (await ok(u.call<GroupSearchResponse>(u.priya, "GET", "users/groups?query=Platform"))).groups[0];
    const { users } = await ok(
      u.call<DirectoryUsersResponse>(
        u.priya,
        "GET",
        `users/group-members?descriptor=${encodeURIComponent(platform.descriptor)}`,
      ),
    );
    const unlicensed = users.filter((x) => !x.licensed).map((x) => x.id);
    await ok(u.call(u.priya, "POST", "users/roles", { role: "Team", userIds: unlicensed }));
    // Someone joins the group later: they get no license from it.
    const org = u.stack.devops.state.org("fabrikam");
    org.addGroupMember("Platform Team", "benjamin.lee@fabrikam.example");
    const after = await ok(
      u.call<DirectoryUsersResponse>(
        u.priya,
        "GET",
        `users/group-members?descriptor=${encodeURIComponent(platform.descriptor)}`,
      ),
    );
    expect(after.users.filter((x) => !x.licensed).map((x) => x.displayName)).toEqual(["Benjamin Lee"]);
  });

  it.each([
    ["users/groups", /type at least one character/],
    ["users/groups?query=%20%20", /type at least one character/],
    ["users/group-members", /descriptor/],
    ["users/group-members?descriptor=a%20b%3Cscript%3E", /not a Graph descriptor/],
  ])("answers 400 for %s", async (path, reason) => {
    const { status, body } = await u.call<{ error: { message: string } }>(u.priya, "GET", path);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(reason);
  });

  it("answers 404 for a group that does not exist", async () => {
    const { status } = await u.call(u.priya, "GET", "users/group-members?descriptor=vssgp.Uy0xLTktMDAwMA");
    expect(status).toBe(404);
  });
});
