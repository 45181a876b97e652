import { SignJWT, base64url } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_EXTENSION_ID, DEV_EXTENSION_SECRET, startBackendStack, type BackendStack } from "../../../dev/stack";
import { api, signIn, type SignedIn } from "../support/sign-in";

let stack: BackendStack;
let marcus: SignedIn;
let contoso: SignedIn;

beforeAll(async () => {
  stack = await startBackendStack({ ports: "random" });
  marcus = await signIn(stack, "fabrikam", "marcus.johnson@fabrikam.example");
  contoso = await signIn(stack, "contoso", stack.devops.state.org("contoso").users[0].id);
});
afterAll(async () => {
  await stack?.stop();
});

const now = () => Math.floor(Date.now() / 1000);

function appToken(overrides: { secret?: string; iss?: string; aud?: string; exp?: number; nameid?: string } = {}) {
  return new SignJWT({ nameid: overrides.nameid ?? marcus.user.id, tid: "tenant" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(overrides.iss ?? "app.vstoken.visualstudio.com")
    .setAudience(overrides.aud ?? DEV_EXTENSION_ID)
    .setNotBefore(now() - 60)
    .setExpirationTime(overrides.exp ?? now() + 3600)
    .sign(new TextEncoder().encode(overrides.secret ?? DEV_EXTENSION_SECRET));
}

function withAppToken(token: string) {
  return { ...marcus.headers, Authorization: `Bearer ${token}` };
}

async function expectError(headers: Record<string, string>, status: number, message: RegExp) {
  const response = await api<{ error: { code: string; message: string } }>(stack, headers, "GET", "me");
  expect(response.status).toBe(status);
  expect(response.body.error.message).toMatch(message);
}

describe("authentication of page calls", () => {
  it("accepts the tokens the SDK hands a page", async () => {
    expect((await api(stack, marcus, "GET", "me")).status).toBe(200);
  });

  it("answers 401 without a token", async () => {
    await expectError({}, 401, /Sign-in required/);
    await expectError({ Authorization: marcus.headers.Authorization }, 401, /access token/);
  });

  it("answers 401 to expired, forged, alg none, wrong-issuer and other-extension tokens", async () => {
    await expectError(withAppToken(await appToken({ exp: now() - 600 })), 401, /expired/);
    await expectError(withAppToken(await appToken({ secret: "not-our-secret" })), 401, /signature/);
    const none = `${base64url.encode('{"alg":"none","typ":"JWT"}')}.${base64url.encode(JSON.stringify({ nameid: marcus.user.id, iss: "app.vstoken.visualstudio.com", aud: DEV_EXTENSION_ID, exp: now() + 3600 }))}.`;
    await expectError(withAppToken(none), 401, /HS256|not a valid/);
    await expectError(withAppToken(await appToken({ iss: "someone.else" })), 401, /not issued by Azure DevOps/);
    await expectError(
      withAppToken(await appToken({ aud: "other-publisher.other-extension" })),
      401,
      /another extension/,
    );
  });

  it("answers 403 when the tokens are valid but the claimed org is another one", async () => {
    await expectError({ ...marcus.headers, "X-TT-Org": "contoso" }, 403, /not valid for the organization 'contoso'/);
  });

  it("answers 403 when the app token and the access token belong to different users", async () => {
    const priya = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
    await expectError({ ...marcus.headers, "X-TT-Access-Token": priya.accessToken }, 403, /different users/);
  });

  it("answers 403 to a contoso access token sent for fabrikam, even with a matching app token", async () => {
    await expectError({ ...contoso.headers, "X-TT-Org": "fabrikam" }, 403, /not valid for the organization 'fabrikam'/);
  });

  it("answers 400 to an org name that could not be an Azure DevOps organization", async () => {
    await expectError({ ...marcus.headers, "X-TT-Org": "../evil" }, 400, /not a valid Azure DevOps organization name/);
  });
});

describe("store outage", () => {
  it("reports it on /api/health and answers 503 elsewhere, then recovers", async () => {
    const cosmos = stack.cosmos!;
    await cosmos.suspend();
    try {
      const health = await api<{ store: string }>(stack, {}, "GET", "health");
      expect(health.status).toBe(503);
      expect(health.body.store).toBe("unavailable");
      const me = await api<{ error: { code: string; message: string } }>(stack, marcus, "GET", "me");
      expect(me.status).toBe(503);
      expect(me.body.error.message).toMatch(/database is not reachable/);
    } finally {
      await cosmos.resume();
    }
    expect((await api(stack, {}, "GET", "health")).status).toBe(200);
    expect((await api(stack, marcus, "GET", "me")).status).toBe(200);
  });
});
