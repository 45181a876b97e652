import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GroupRulesResponse } from "../../../functions/contracts/group-rules";
import type {
  CreateTokenResponse,
  DirectoryUsersResponse,
  ListMembersResponse,
} from "../../../functions/contracts/users";
import { signIn, type SignedIn } from "../support/sign-in";
import { bearer, rest } from "./support/rest-client";
import { email, ok, startUsersStack, userId, type UsersStack } from "./support/users-stack";

// Azure DevOps Server has no Graph and no User Entitlements (Services-only areas), so the
// Permissions page cannot list the organization's users or add by group there. What works on
// both: Identities (add by e-mail address), the PCA check, roles and seats.
let u: UsersStack;
let priyaOnServer: SignedIn;

beforeAll(async () => {
  u = await startUsersStack();
  u.stack.devops.state.org("fabrikam").deployment = "server";
  // A new sign-in: Azure DevOps' connectionData now says onPremises.
  priyaOnServer = await signIn(u.stack, "fabrikam", email("priya.patel"), "server");
});
afterAll(async () => {
  await u?.stack.stop();
});

describe("Permissions on Azure DevOps Server", () => {
  it.each([["users/unlicensed"], ["users/groups?query=Con"], ["users/group-members?descriptor=vssgp.Uy0xLTktMDAwMA"]])(
    "refuses %s with 409 and says it needs Azure DevOps Services",
    async (path) => {
      const { status, body } = await u.call<{ error: { code: string; message: string } }>(priyaOnServer, "GET", path);
      expect(status).toBe(409);
      expect(body.error.message).toMatch(/needs Azure DevOps Services/);
      expect(body.error.message).toMatch(/On Azure DevOps Server, add users by their e-mail address/);
    },
  );

  it("finds a user by e-mail address and adds them with a role", async () => {
    const found = await ok(
      u.call<DirectoryUsersResponse>(
        priyaOnServer,
        "GET",
        `users/lookup?email=${encodeURIComponent(email("aisha.okafor"))}`,
      ),
    );
    expect(found.users).toEqual([
      expect.objectContaining({
        id: userId(u.stack, "aisha.okafor"),
        displayName: "Aisha Okafor",
        email: email("aisha.okafor"),
        licensed: false,
      }),
    ]);
    await ok(u.call(priyaOnServer, "POST", "users/roles", { role: "Team", userIds: [found.users[0].id] }));
    const again = await ok(
      u.call<DirectoryUsersResponse>(
        priyaOnServer,
        "GET",
        `users/lookup?email=${encodeURIComponent(email("aisha.okafor"))}`,
      ),
    );
    expect(again.users[0]).toMatchObject({ licensed: true, role: { assigned: "Team" } });
    const licensed = await ok(u.call<ListMembersResponse>(priyaOnServer, "GET", "users/licensed?search=okafor"));
    expect(licensed.members.map((x) => x.displayName)).toEqual(["Aisha Okafor"]);
  });

  it("answers no user for an unknown address and 400 for something that is not one", async () => {
    const none = await ok(
      u.call<DirectoryUsersResponse>(
        priyaOnServer,
        "GET",
        `users/lookup?email=${encodeURIComponent("nobody@fabrikam.example")}`,
      ),
    );
    expect(none.users).toEqual([]);
    const bad = await u.call<{ error: { code: string; message: string } }>(
      priyaOnServer,
      "GET",
      "users/lookup?email=not-an-address",
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/e-mail address/);
  });

  it("saves the service account's PAT after proving it through Identities", async () => {
    const pat = u.stack.devops.state.createPat("fabrikam", email("priya.patel"));
    const saved = await u.call<{ configured: boolean }>(priyaOnServer, "POST", "users/service-account", { pat });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ configured: true });
  });

  it("tells a REST caller, as the page tells its users, that group rules need Azure DevOps Services", async () => {
    // The service account was saved on Server (the test above): REST tokens carry no word of where the org lives.
    const { secret } = await ok(
      u.call<CreateTokenResponse>(priyaOnServer, "POST", "tokens", { name: "server script" }),
    );
    const listed = await ok(rest<GroupRulesResponse>(u.stack, bearer(secret), "GET", "users/group-rules"));
    expect(listed.unavailable).toMatch(/^Group rules need Azure DevOps Services/);
    for (const path of ["users/group-rules/preview", "users/group-rules"]) {
      const refused = await rest<{ error: { message: string } }>(u.stack, bearer(secret), "POST", path, {
        groupDescriptor: "vssgp.Uy0xLTktMDAwMA",
        role: "Team",
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/Group rules need Azure DevOps Services/);
      expect(refused.body.error.message).toMatch(/add users by their e-mail address/);
    }
    expect((await ok(rest<GroupRulesResponse>(u.stack, bearer(secret), "GET", "users/group-rules"))).rules).toEqual([]);
  });

  it("still knows its Project Collection Administrators", async () => {
    const me = await ok(u.call<{ isPca: boolean; hostType: string }>(priyaOnServer, "GET", "me"));
    expect(me).toMatchObject({ isPca: true, hostType: "server" });
  });
});

describe("Add by e-mail address on Azure DevOps Services", () => {
  it("works there too, and the organization list stays available", async () => {
    u.stack.devops.state.org("fabrikam").deployment = "services";
    const priya = await signIn(u.stack, "fabrikam", email("priya.patel"));
    const found = await ok(
      u.call<DirectoryUsersResponse>(priya, "GET", `users/lookup?email=${encodeURIComponent(email("mei.chen"))}`),
    );
    expect(found.users.map((x) => x.displayName)).toEqual(["Mei Chen"]);
    expect((await u.call(priya, "GET", "users/unlicensed")).status).toBe(200);
  });
});
