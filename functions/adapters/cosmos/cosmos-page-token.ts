import { createHash } from "node:crypto";
import { ValidationError } from "../../domain/errors";

/**
 * Our continuation tokens wrap Cosmos' with a fingerprint of the query they belong to, so a
 * token of another list, sort or search, or a damaged one, is a clear 400 instead of a store
 * error (real Cosmos rejects it) or a silent restart from page one (the emulator does).
 */
export function queryFingerprint(query: unknown): string {
  return createHash("sha256").update(JSON.stringify(query)).digest("base64url").slice(0, 16);
}

export function sealPageToken(fingerprint: string, cosmosToken: string | undefined): string | null {
  return cosmosToken ? Buffer.from(JSON.stringify({ f: fingerprint, t: cosmosToken })).toString("base64url") : null;
}

export function openPageToken(token: string | null, fingerprint: string): string | undefined {
  if (!token) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { f?: unknown; t?: unknown };
    if (parsed.f === fingerprint && typeof parsed.t === "string") return parsed.t;
  } catch {
    // not one of ours
  }
  throw new ValidationError(
    "The continuation token is not valid for this list (it belongs to another sort or search, or is damaged). Start again from the first page.",
  );
}
