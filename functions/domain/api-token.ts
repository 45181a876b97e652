/**
 * REST API token text (docs/decisions/0006-identity-from-azure-devops.md): `tt_<org>_<secret>`. The org part is the org id in
 * compact form, so authentication is one point read (hash of the token) in the org's
 * partition; the secret part is 32 random bytes. Only the SHA-256 hash is stored.
 */
const PREFIX = "tt";
const TOKEN = /^tt_([A-Za-z0-9_-]{22})_([A-Za-z0-9_-]{43})$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 22 base64url characters for a GUID (its 16 bytes). */
export function compactOrgId(orgId: string): string {
  if (!GUID.test(orgId)) throw new Error(`Not a GUID: ${orgId}`);
  return Buffer.from(orgId.replace(/-/g, ""), "hex").toString("base64url");
}

export function expandOrgId(compact: string): string | null {
  const bytes = Buffer.from(compact, "base64url");
  if (bytes.length !== 16 || bytes.toString("base64url") !== compact) return null;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function composeToken(orgId: string, secret: Buffer): string {
  if (secret.length !== 32) throw new Error("A token secret is 32 bytes.");
  return `${PREFIX}_${compactOrgId(orgId)}_${secret.toString("base64url")}`;
}

/** The org a token names, or null when the text is not one of our tokens. */
export function orgOfToken(token: string): string | null {
  const match = TOKEN.exec(token);
  return match ? expandOrgId(match[1]) : null;
}

/** What the token list shows instead of the secret. */
export function tokenHint(token: string): string {
  return `${token.slice(0, 3)}…${token.slice(-4)}`;
}

/** Token names as typed in Settings: 1–80 characters after trimming (contracts/users checks it). */
export const MAX_TOKEN_NAME = 80;
