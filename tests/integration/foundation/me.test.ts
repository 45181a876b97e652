import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendStack, type BackendStack } from "../../../dev/stack";
import type { MeResponse } from "../../../functions/contracts/me";
import { api, signIn } from "../support/sign-in";

let stack: BackendStack;

beforeAll(async () => {
  stack = await startBackendStack({ ports: "random" });
});
afterAll(async () => {
  await stack?.stop();
});

describe("GET /api/health", () => {
  it("reports the store as reachable", async () => {
    const response = await api(stack, {}, "GET", "health");
    expect(response).toMatchObject({ status: 200, body: { status: "ok", store: "ok" } });
  });
});

describe("GET /api/me", () => {
  it("makes the first user of a new org its Administrator and starts the 28-day trial", async () => {
    const priya = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
    const { status, body } = await api<MeResponse>(stack, priya, "GET", "me");
    expect(status).toBe(200);
    expect(body.user).toEqual({ id: priya.user.id, displayName: "Priya Patel", email: "priya.patel@fabrikam.example" });
    expect(body.org).toEqual({ id: priya.org.id, name: "fabrikam" });
    expect(body.role).toEqual({ assigned: "Administrator", effective: "Administrator", label: "Administrator" });
    expect(body).toMatchObject({ isPca: true, licensed: true, hasAccess: true, hostType: "cloud" });
    expect(body.mayManageUsers).toBe(true);
    expect(body.trial?.daysLeft).toBe(28);
    expect(body.plan.kind).toBe("trial");
  });

  it("gives a later user the Default role (Team) and reports that they are not a PCA", async () => {
    const marcus = await signIn(stack, "fabrikam", "marcus.johnson@fabrikam.example", "server");
    const { body } = await api<MeResponse>(stack, marcus, "GET", "me");
    expect(body.role).toEqual({ assigned: "Default", effective: "Team", label: "Default (Team)" });
    expect(body).toMatchObject({ isPca: false, licensed: true, hostType: "server" });
    expect(body.mayManageUsers).toBe(false); // a Team member who is no PCA
  });

  it("keeps the first Administrator when they come back", async () => {
    const priya = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
    const { body } = await api<MeResponse>(stack, priya, "GET", "me");
    expect(body.role.assigned).toBe("Administrator");
  });

  it("keeps each org apart: contoso's first user becomes contoso's Administrator, with contoso's id", async () => {
    const fabrikamUser = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
    const contosoUsers = stack.devops.state.org("contoso").users;
    const contosoUser = await signIn(stack, "contoso", contosoUsers[contosoUsers.length - 1].id);
    const { body } = await api<MeResponse>(stack, contosoUser, "GET", "me");
    expect(body.org.name).toBe("contoso");
    expect(body.org.id).not.toBe(fabrikamUser.org.id);
    expect(body.role.assigned).toBe("Administrator");
  });

  it("creates the org once when two first users arrive at the same moment", async () => {
    const isolated = await startBackendStack({ ports: "random" });
    try {
      const users = isolated.devops.state.org("fabrikam").users.slice(0, 6);
      const sessions = await Promise.all(users.map((u) => signIn(isolated, "fabrikam", u.id)));
      const answers = await Promise.all(sessions.map((s) => api<MeResponse>(isolated, s, "GET", "me")));
      expect(answers.map((a) => a.status)).toEqual(sessions.map(() => 200));
      expect(answers.filter((a) => a.body.role.assigned === "Administrator")).toHaveLength(1);
    } finally {
      await isolated.stop();
    }
  });
});
