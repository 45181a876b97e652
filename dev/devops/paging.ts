import { AdoError } from "./errors";

// Continuation tokens are opaque to clients (as on Azure DevOps); ours carry the offset
// and which list they belong to, so a token of one list is rejected by another.

export function encodeContinuation(list: string, offset: number): string {
  return Buffer.from(`${list}:${offset}`, "utf8").toString("base64url");
}

export function decodeContinuation(list: string, token: string | undefined): number {
  if (token === undefined || token === "") return 0;
  const [kind, offsetText] = Buffer.from(token, "base64url").toString("utf8").split(":");
  const offset = Number(offsetText);
  if (kind !== list || !Number.isInteger(offset) || offset < 0) {
    throw new AdoError(400, "The continuation token is not valid.", "InvalidContinuationTokenException");
  }
  return offset;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export function pageOf<T>(list: string, all: readonly T[], token: string | undefined, pageSize: number): Page<T> {
  const offset = decodeContinuation(list, token);
  const end = offset + Math.max(1, pageSize);
  return { items: all.slice(offset, end), next: end < all.length ? encodeContinuation(list, end) : null };
}
