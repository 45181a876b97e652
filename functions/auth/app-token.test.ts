import { SignJWT, base64url } from "jose";
import { describe, expect, it } from "vitest";
import { UnauthorizedError } from "../domain/errors";
import { verifyAppToken } from "./app-token";

const SECRET = "current-secret";
const OLD_SECRET = "previous-secret";
const options = { secrets: [SECRET, OLD_SECRET], audiences: ["pub.ext"], issuer: "app.vstoken.visualstudio.com" };
const now = new Date("2026-11-28T10:00:00Z");
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

async function sign(
  overrides: { secret?: string; iss?: string; aud?: string; exp?: number; nbf?: number; nameid?: string | null } = {},
) {
  const claims: Record<string, unknown> = {
    nameid: overrides.nameid === null ? undefined : (overrides.nameid ?? "user-1"),
    tid: "t",
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(overrides.iss ?? options.issuer)
    .setAudience(overrides.aud ?? "pub.ext")
    .setNotBefore(overrides.nbf ?? seconds(now) - 60)
    .setExpirationTime(overrides.exp ?? seconds(now) + 3600)
    .sign(new TextEncoder().encode(overrides.secret ?? SECRET));
}

async function rejection(token: string): Promise<string> {
  const error = await verifyAppToken(token, options, now).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthorizedError);
  return (error as Error).message;
}

describe("verifyAppToken", () => {
  it("accepts a token signed with the current or the previous secret and returns the user", async () => {
    expect((await verifyAppToken(await sign(), options, now)).userId).toBe("user-1");
    expect((await verifyAppToken(await sign({ secret: OLD_SECRET }), options, now)).userId).toBe("user-1");
  });

  it("rejects an expired token and says to reload", async () => {
    expect(await rejection(await sign({ exp: seconds(now) - 120 }))).toMatch(/expired/);
  });

  it("rejects a token signed with another secret", async () => {
    expect(await rejection(await sign({ secret: "attacker" }))).toMatch(/signature/);
  });

  it("rejects alg none", async () => {
    const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));
    const payload = base64url.encode(
      JSON.stringify({ nameid: "user-1", iss: options.issuer, aud: "pub.ext", exp: seconds(now) + 3600 }),
    );
    expect(await rejection(`${header}.${payload}.`)).toMatch(/HS256|not a valid/);
  });

  it("rejects another issuer and another extension's audience", async () => {
    expect(await rejection(await sign({ iss: "evil.example" }))).toMatch(/not issued by Azure DevOps/);
    expect(await rejection(await sign({ aud: "other.extension" }))).toMatch(/another extension/);
  });

  it("rejects a token without a user and garbage", async () => {
    expect(await rejection(await sign({ nameid: null }))).toMatch(/nameid/);
    expect(await rejection("not-a-jwt")).toMatch(/not a valid token/);
  });
});
