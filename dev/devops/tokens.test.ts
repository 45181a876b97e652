import { decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_EXTENSION_ID, DEV_EXTENSION_SECRET } from "./index";
import { contoso, fabrikam } from "./seed";
import { startClient, type StandinClient } from "./test-support";
import type { DevError } from "./test-wire-shapes";

interface IssuedTokens {
  appToken: string;
  user: { id: string; displayName: string; email: string };
  org: { id: string; name: string };
  expiresAt: string;
}

const priya = fabrikam.users[0];
let client: StandinClient;

beforeAll(async () => {
  client = await startClient();
});
afterAll(() => client.standin.stop());

describe("POST /_dev/tokens", () => {
  it("issues an app token the backend can verify with the extension secret", async () => {
    const res = await client.call<IssuedTokens>("/_dev/tokens", {
      body: { org: "fabrikam", user: "priya.patel@fabrikam.example" },
    });
    expect(res.status).toBe(200);
    const { payload, protectedHeader } = await jwtVerify(
      res.body.appToken,
      new TextEncoder().encode(DEV_EXTENSION_SECRET),
      {
        algorithms: ["HS256"],
        issuer: "app.vstoken.visualstudio.com",
        audience: DEV_EXTENSION_ID,
      },
    );
    expect(protectedHeader.alg).toBe("HS256");
    expect(Object.keys(payload).sort()).toEqual(["aud", "exp", "iss", "jti", "nameid", "nbf", "tid"]);
    expect(payload.nameid).toBe(priya.id);
    expect(payload.tid).toBe(fabrikam.tenantId);
    const lifetimeMinutes = (payload.exp! - payload.nbf!) / 60;
    expect(lifetimeMinutes).toBeGreaterThanOrEqual(60);
    expect(lifetimeMinutes).toBeLessThanOrEqual(75);
    expect(res.body.user).toEqual({ id: priya.id, displayName: "Priya Patel", email: priya.email });
    expect(res.body.org).toEqual({ id: fabrikam.id, name: "fabrikam" });
    expect(Date.parse(res.body.expiresAt)).toBe(payload.exp! * 1000);
  });

  it("does not put the organization into the app token", async () => {
    const { appToken } = await client.tokens("fabrikam", priya.id);
    expect(JSON.stringify(decodeJwt(appToken))).not.toContain(fabrikam.id);
  });

  it("rejects the app token when verified with another secret", async () => {
    const { appToken } = await client.tokens("fabrikam", priya.id);
    await expect(jwtVerify(appToken, new TextEncoder().encode("some-other-secret"))).rejects.toThrow();
  });

  it("signs with the secret and extension id the stand-in was started with", async () => {
    const custom = await startClient({
      extensionSecret: "prod-like-secret",
      extensionId: "timetracker-oss.timetracker",
    });
    try {
      const { appToken } = await custom.tokens("contoso", "alex.rivera@contoso.example");
      const { payload } = await jwtVerify(appToken, new TextEncoder().encode("prod-like-secret"), {
        audience: "timetracker-oss.timetracker",
      });
      expect(payload.nameid).toBe(contoso.users[0].id);
    } finally {
      await custom.standin.stop();
    }
  });

  it("answers 404 for a user of another org and 400 for a bad body, issuing nothing", async () => {
    const wrongOrg = await client.call<DevError>("/_dev/tokens", {
      body: { org: "fabrikam", user: "alex.rivera@contoso.example" },
    });
    expect(wrongOrg.status).toBe(404);
    expect(wrongOrg.body.error.code).toBe("NotFound");
    const noUser = await client.call<DevError>("/_dev/tokens", { body: { org: "fabrikam" } });
    expect(noUser.status).toBe(400);
    expect(noUser.body.error.message).toContain("user");
    const notJson = await client.call<DevError>("/_dev/tokens", { body: "{not json" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toContain("not valid JSON");
  });

  it("can issue an already expired token, which the REST API then refuses", async () => {
    const { accessToken } = await client.tokens("fabrikam", priya.id, -120);
    const res = await client.call("/fabrikam/_apis/connectionData", { auth: accessToken });
    expect(res.status).toBe(401);
  });
});
