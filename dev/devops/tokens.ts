import { randomUUID } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";

// App tokens imitate SDK.getAppToken(): HS256 with the extension secret (the backend
// verifies these). Access tokens imitate SDK.getAccessToken(): only this stand-in can read
// them, like only Azure DevOps can read real ones; they are bound to one org through `aud`.

export const DEV_EXTENSION_SECRET = "dev-extension-secret-not-for-production";
export const DEV_EXTENSION_ID = "timetracker-oss.timetracker-dev";
export const TOKEN_ISSUER = "app.vstoken.visualstudio.com";
export const DEFAULT_TOKEN_TTL_SECONDS = 70 * 60;

// Fixed (not random per process) so tokens held by a browser survive a stack restart.
const ACCESS_TOKEN_KEY = new TextEncoder().encode("devops-standin-access-token-secret-dev-only");
const ACCESS_SCOPES = "vso.profile vso.work vso.identity vso.graph vso.memberentitlementmanagement";

export interface TokenTiming {
  nowSeconds: number;
  ttlSeconds: number;
}

function window({ nowSeconds, ttlSeconds }: TokenTiming): { nbf: number; exp: number } {
  const exp = nowSeconds + ttlSeconds;
  // An already-expired token (negative ttl, for expiry tests) still has nbf <= exp.
  return { nbf: Math.min(nowSeconds, exp - 60), exp };
}

export async function issueAppToken(
  input: { secret: string; extensionId: string; userId: string; tenantId: string } & TokenTiming,
): Promise<string> {
  const { nbf, exp } = window(input);
  return new SignJWT({ nameid: input.userId, tid: input.tenantId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setJti(randomUUID())
    .setIssuer(TOKEN_ISSUER)
    .setAudience(input.extensionId)
    .setNotBefore(nbf)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(input.secret));
}

const orgAudience = (orgId: string): string => `vso:${orgId}`;

export async function issueAccessToken(input: { userId: string; orgId: string } & TokenTiming): Promise<string> {
  const { nbf, exp } = window(input);
  return new SignJWT({ nameid: input.userId, scp: ACCESS_SCOPES })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setJti(randomUUID())
    .setIssuer(TOKEN_ISSUER)
    .setAudience(orgAudience(input.orgId))
    .setNotBefore(nbf)
    .setExpirationTime(exp)
    .sign(ACCESS_TOKEN_KEY);
}

export type AccessTokenCheck =
  { ok: true; userId: string } | { ok: false; reason: "invalid" } | { ok: false; reason: "other-org"; userId: string };

/** Verifies an access token for the org whose URL it was sent to. */
export async function checkAccessToken(token: string, orgId: string): Promise<AccessTokenCheck> {
  try {
    const { payload } = await jwtVerify(token, ACCESS_TOKEN_KEY, { algorithms: ["HS256"], issuer: TOKEN_ISSUER });
    if (typeof payload.nameid !== "string") return { ok: false, reason: "invalid" };
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(orgAudience(orgId))) return { ok: false, reason: "other-org", userId: payload.nameid };
    return { ok: true, userId: payload.nameid };
  } catch {
    return { ok: false, reason: "invalid" };
  }
}
