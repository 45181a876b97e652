/**
 * Reads the `exp` claim (seconds since the epoch) of a JWT without verifying it.
 * The front end only needs to know when to ask the host for a fresh token; the backend
 * is the one that verifies signatures. Returns undefined for anything that is not a JWT
 * with a numeric `exp`.
 */
export function readJwtExpiry(token: string): number | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const claims: unknown = JSON.parse(decodeBase64Url(parts[1]));
    if (typeof claims !== "object" || claims === null || !("exp" in claims)) return undefined;
    const exp = claims.exp;
    return typeof exp === "number" && Number.isFinite(exp) ? exp : undefined;
  } catch {
    return undefined;
  }
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
