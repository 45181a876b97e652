import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { services } from "../../../functions/app/services";
import type {
  CreateTokenResponse,
  ListTokensResponse,
  ServiceAccountResponse,
} from "../../../functions/contracts/users";
import { ROUTES } from "../../../functions/http/route";
import { signIn } from "../support/sign-in";
import { basic, bearer, rest } from "./support/rest-client";
import { email, ok, startUsersStack, type UsersStack } from "./support/users-stack";

let u: UsersStack;
beforeAll(async () => {
  u = await startUsersStack();
});
afterAll(async () => {
  await u?.stack.stop();
});

const createToken = (who: UsersStack["priya"], name: string) =>
  ok(u.call<CreateTokenResponse>(who, "POST", "tokens", { name }));

describe("REST API tokens", () => {
  it("shows a new token once and afterwards only its hint", async () => {
    const created = await createToken(u.priya, "Nightly sync");
    expect(created.secret).toMatch(/^tt_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toMatchObject({
      name: "Nightly sync",
      hint: `tt_…${created.secret.slice(-4)}`,
      owner: { displayName: "Priya Patel" },
      lastUsedAt: null,
    });
    const listed = await ok(u.call<ListTokensResponse>(u.priya, "GET", "tokens"));
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(listed.tokens.map((t) => t.name)).toContain("Nightly sync");
    const { resources } = await (await services().db.containers()).tokens.items.query("SELECT * FROM c").fetchAll();
    expect(JSON.stringify(resources)).not.toContain(created.secret);
  });

  it("records when a token was last used", async () => {
    const { secret, token } = await createToken(u.priya, "Used once");
    expect((await rest(u.stack, bearer(secret), "GET", "users/roles")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const listed = await ok(u.call<ListTokensResponse>(u.priya, "GET", "tokens"));
    expect(listed.tokens.find((t) => t.id === token.id)?.lastUsedAt).not.toBeNull();
  });

  it("lets Administrators see and revoke everyone's tokens, and others only their own", async () => {
    const daniels = await createToken(u.daniel, "Daniel's script");
    const priyas = await createToken(u.priya, "Priya's script");
    const forDaniel = await ok(u.call<ListTokensResponse>(u.daniel, "GET", "tokens"));
    expect(forDaniel.scope).toBe("own");
    expect(forDaniel.tokens.map((t) => t.name)).toEqual(["Daniel's script"]);
    expect((await u.call(u.daniel, "DELETE", `tokens/${priyas.token.id}`)).status).toBe(404);
    const forPriya = await ok(u.call<ListTokensResponse>(u.priya, "GET", "tokens"));
    expect(forPriya.scope).toBe("all");
    expect(forPriya.tokens.map((t) => t.name)).toContain("Daniel's script");
    expect((await u.call(u.priya, "DELETE", `tokens/${daniels.token.id}`)).status).toBe(204);
    expect((await rest(u.stack, bearer(daniels.secret), "GET", "users/roles")).status).toBe(401);
    expect((await u.call(u.priya, "DELETE", `tokens/${daniels.token.id}`)).status).toBe(404);
  });

  it.each([
    [{ name: "" }, /give the token a name/],
    [{ name: "   " }, /give the token a name/],
    [{ name: "x".repeat(81) }, /at most 80 characters/],
    [{}, /name/],
    [{ name: "ok", owner: "someone" }, /owner/],
  ])("refuses to create %j", async (body, reason) => {
    const { status, body: answer } = await u.call<{ error: { message: string } }>(u.priya, "POST", "tokens", body);
    expect(status).toBe(400);
    expect(answer.error.message).toMatch(reason);
  });

  it("refuses a malformed token id", async () => {
    expect((await u.call(u.priya, "DELETE", "tokens/not-an-id")).status).toBe(400);
  });

  it("stops at 20 tokens per user", async () => {
    const mine = (await ok(u.call<ListTokensResponse>(u.marcus, "GET", "tokens"))).tokens.filter(
      (t) => t.owner.id === u.marcus.user.id,
    ).length;
    for (let i = mine; i < 20; i++) await createToken(u.marcus, `t${i}`);
    const { status, body } = await u.call<{ error: { message: string } }>(u.marcus, "POST", "tokens", {
      name: "one too many",
    });
    expect(status).toBe(409);
    expect(body.error.message).toMatch(/20 tokens already/);
    const all = (await ok(u.call<ListTokensResponse>(u.marcus, "GET", "tokens"))).tokens.filter(
      (t) => t.owner.id === u.marcus.user.id,
    );
    for (const t of all) expect((await u.call(u.marcus, "DELETE", `tokens/${t.id}`)).status).toBe(204);
  });
});

describe("authenticating REST API calls", () => {
  it("accepts Bearer, and Basic with an empty user name", async () => {
    const { secret } = await createToken(u.priya, "auth");
    expect((await rest(u.stack, bearer(secret), "GET", "users/roles")).status).toBe(200);
    expect((await rest(u.stack, basic("", secret), "GET", "users/roles")).status).toBe(200);
  });

  it.each([
    ["no credentials", undefined, /Authentication required/],
    ["a user name with Basic", "basic-with-user", /empty user name/],
    ["an unknown scheme", "Token abc", /not understood/],
    ["a token that is not ours", "Bearer abc.def.ghi", /not valid/],
    ["a well-formed but unknown token", "unknown", /not valid/],
  ])("refuses %s with 401", async (_, auth, reason) => {
    const { secret } = await createToken(u.priya, "for-401");
    const header =
      auth === "basic-with-user"
        ? basic("me", secret)
        : auth === "unknown"
          ? bearer(`${secret.slice(0, -6)}AAAAAA`)
          : auth;
    const { status, body } = await rest<{ error: { message: string } }>(u.stack, header, "GET", "users/roles");
    expect(status).toBe(401);
    expect(body.error.message).toMatch(reason);
  });

  it("limits each token to 10 requests a second, with Retry-After", async () => {
    const { secret } = await createToken(u.priya, "busy");
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => rest(u.stack, bearer(secret), "GET", "users/roles?$count=1")),
    );
    const limited = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    expect(limited).toHaveLength(2);
    expect(Number(limited[0].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another token is not affected.
    const other = await createToken(u.priya, "calm");
    expect((await rest(u.stack, bearer(other.secret), "GET", "users/roles?$count=1")).status).toBe(200);
  });

  it("refuses tokens whose owner may no longer manage users", async () => {
    const { secret } = await createToken(u.marcus, "before demotion");
    await ok(u.call(u.priya, "POST", "users/roles", { role: "Team", userIds: [u.marcus.user.id] }));
    const { status, body } = await rest<{ error: { message: string } }>(u.stack, bearer(secret), "GET", "users/roles");
    expect(status).toBe(403);
    expect(body.error.message).toMatch(
      /Marcus Johnson.*no longer a Timetracker Administrator or a Project Collection Administrator/,
    );
    await ok(u.call(u.priya, "POST", "users/roles", { role: "Administrator", userIds: [u.marcus.user.id] }));
  });
});

describe("the service account", () => {
  it("checks a PCA's token owner through the service account", async () => {
    const { secret } = await createToken(u.daniel, "PCA without a role");
    expect((await rest(u.stack, bearer(secret), "GET", "users/roles")).status).toBe(403); // no service account: cannot check
    const pat = u.stack.devops.state.createPat("fabrikam", "sofia.hernandez@fabrikam.example"); // a PCA
    const saved = await ok(u.call<ServiceAccountResponse>(u.priya, "POST", "users/service-account", { pat }));
    expect(saved).toMatchObject({
      configured: true,
      account: { displayName: "Sofía Hernández" },
      savedBy: { displayName: "Priya Patel" },
    });
    const { secret: fresh } = await createToken(u.daniel, "PCA, checked");
    expect((await rest(u.stack, bearer(fresh), "GET", "users/roles")).status).toBe(200);
  });

  it("refuses a token whose owner administers only a project, and lets a PCA owner's token through", async () => {
    // Isabella Costa is in [Fabrikam Mobile]\Project Administrators, whose SID ends -0-0-0-0-1 like
    // the PCA group's; she is neither a PCA nor, once demoted below, a Timetracker Administrator.
    const fabrikam = u.stack.devops.state.org("fabrikam");
    const projectAdmins = fabrikam.group("[Fabrikam Mobile]\\Project Administrators");
    const isabella = await signIn(u.stack, "fabrikam", email("isabella.costa"));
    expect({
      sid: projectAdmins.sid.slice(-10),
      member: fabrikam.memberships
        .expandedContainers(fabrikam.user(isabella.user.email).descriptor)
        .has(projectAdmins.descriptor),
      isPca: fabrikam.isPca(isabella.user.id),
    }).toEqual({ sid: "-0-0-0-0-1", member: true, isPca: false });
    await ok(u.call(u.priya, "POST", "users/roles", { role: "Administrator", userIds: [isabella.user.id] }));
    const { secret } = await createToken(isabella, "project administrator");
    await ok(u.call(u.priya, "POST", "users/roles", { role: "None", userIds: [isabella.user.id] }));

    const { status, body } = await rest<{ error: { message: string } }>(u.stack, bearer(secret), "GET", "users/roles");
    expect(status).toBe(403);
    expect(body.error.message).toMatch(
      /Isabella Costa.*no longer a Timetracker Administrator or a Project Collection Administrator/,
    );
    // Same service account, same check: Daniel (a PCA with no Timetracker role) gets through.
    const { secret: pcaToken } = await createToken(u.daniel, "PCA owner");
    expect((await rest(u.stack, bearer(pcaToken), "GET", "users/roles")).status).toBe(200);
  });

  it("never returns or stores the PAT in clear", async () => {
    const pat = u.stack.devops.state.createPat("fabrikam", "priya.patel@fabrikam.example");
    await ok(u.call(u.priya, "POST", "users/service-account", { pat }));
    const shown = await ok(u.call<ServiceAccountResponse>(u.marcus, "GET", "users/service-account"));
    expect(JSON.stringify(shown)).not.toContain(pat);
    expect(shown.configured).toBe(true);
    const { resources } = await (await services().db.containers()).tokens.items.query("SELECT * FROM c").fetchAll();
    expect(JSON.stringify(resources)).not.toContain(pat);
  });

  it("is set by PCAs only", async () => {
    const pat = u.stack.devops.state.createPat("fabrikam", "marcus.johnson@fabrikam.example");
    const { status, body } = await u.call<{ error: { message: string } }>(u.marcus, "POST", "users/service-account", {
      pat,
    });
    expect(status).toBe(403);
    expect(body.error.message).toMatch(/Only Project Collection Administrators/);
    expect((await u.call(u.marcus, "DELETE", "users/service-account")).status).toBe(403);
  });

  it.each([
    ["a token Azure DevOps does not know", () => "q".repeat(52), /did not accept/],
    [
      "another organization's token",
      () => u.stack.devops.state.createPat("contoso", "alex.rivera@contoso.example"),
      /did not accept|another organization/,
    ],
    ["something too short", () => "short", /does not look like a personal access token/],
  ])("refuses %s with 400 and keeps the saved one", async (_, pat, reason) => {
    const { status, body } = await u.call<{ error: { message: string } }>(u.daniel, "POST", "users/service-account", {
      pat: pat(),
    });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(reason);
    expect((await ok(u.call<ServiceAccountResponse>(u.daniel, "GET", "users/service-account"))).configured).toBe(true);
  });

  it("can be removed", async () => {
    expect(await ok(u.call<ServiceAccountResponse>(u.daniel, "DELETE", "users/service-account"))).toEqual({
      configured: false,
    });
    expect(await ok(u.call<ServiceAccountResponse>(u.daniel, "GET", "users/service-account"))).toEqual({
      configured: false,
    });
  });
});

describe("the OpenAPI document", () => {
  it("is served without a token, is valid OpenAPI 3, and describes every REST route", async () => {
    const { status, body } = await rest<Record<string, unknown>>(u.stack, undefined, "GET", "openapi.json");
    expect(status).toBe(200);
    const api = (await SwaggerParser.validate(structuredClone(body) as never)) as unknown as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(api.openapi).toMatch(/^3\./);
    const described = Object.entries(api.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} /api${path}`),
    );
    const registered = ROUTES.filter((r) => r.route.startsWith("rest/") && r.auth === "custom").flatMap((r) =>
      r.methods.map((m) => `${m} /api/${r.route}`),
    );
    expect(described.sort()).toEqual(registered.sort());
  });
});
