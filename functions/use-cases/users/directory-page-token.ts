import { ValidationError } from "../../domain/errors";

/**
 * Azure DevOps' continuation token for the unlicensed users list, wrapped with the search it
 * belongs to: a token of another search, or a damaged one, is our 400 rather than an
 * upstream error from Azure DevOps.
 */
export function sealDirectoryToken(search: string, token: string | null): string | null {
  return token ? Buffer.from(JSON.stringify({ s: search, t: token })).toString("base64url") : null;
}

export function openDirectoryToken(search: string, token: string | undefined): string | null {
  if (!token) return null;
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { s?: unknown; t?: unknown };
    if (parsed.s === search && typeof parsed.t === "string") return parsed.t;
  } catch {
    // not one of ours
  }
  throw new ValidationError(
    "The continuation token is not valid for this list (it belongs to another search, or is damaged). Start again from the first page.",
  );
}
