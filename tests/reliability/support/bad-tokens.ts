import { SignJWT, base64url } from "jose";
import { DEV_EXTENSION_ID, DEV_EXTENSION_SECRET } from "../../../dev/stack";
import type { SignedIn } from "../../integration/support/sign-in";

const now = () => Math.floor(Date.now() / 1000);
const ISSUER = "app.vstoken.visualstudio.com";

function sign(userId: string, options: { secret?: string; aud?: string; exp?: number } = {}): Promise<string> {
  return new SignJWT({ nameid: userId, tid: "tenant" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(options.aud ?? DEV_EXTENSION_ID)
    .setNotBefore(now() - 60)
    .setExpirationTime(options.exp ?? now() + 3600)
    .sign(new TextEncoder().encode(options.secret ?? DEV_EXTENSION_SECRET));
}

function unsigned(userId: string): string {
  const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));
  const payload = base64url.encode(
    JSON.stringify({ nameid: userId, iss: ISSUER, aud: DEV_EXTENSION_ID, nbf: now() - 60, exp: now() + 3600 }),
  );
  return `${header}.${payload}.`;
}

export interface BadCredential {
  what: string;
  headers: Record<string, string>;
}

/**
 * Every way a page call can fail to prove who is calling. All keep the caller's real access
 * token and org, so only the app token decides.
 */
export async function badCredentials(who: SignedIn): Promise<BadCredential[]> {
  const { Authorization: _, ...rest } = who.headers;
  const withToken = (token: string) => ({ ...rest, Authorization: `Bearer ${token}` });
  const id = who.user.id;
  return [
    { what: "no token", headers: rest },
    { what: "no credentials at all", headers: {} },
    { what: "an expired token", headers: withToken(await sign(id, { exp: now() - 600 })) },
    {
      what: "a token signed with another secret",
      headers: withToken(await sign(id, { secret: "not-our-extension-secret" })),
    },
    { what: "an alg none token", headers: withToken(unsigned(id)) },
    {
      what: "a token for another extension",
      headers: withToken(await sign(id, { aud: "other-publisher.other-extension" })),
    },
    { what: "a malformed token", headers: withToken("not.a.jwt") },
  ];
}
