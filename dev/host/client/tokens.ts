import type { StandinTokens } from "../shared/config-types";

export type MintTokens = (org: string, userId: string) => Promise<StandinTokens>;

/** Renew this long before expiry so a token handed to a page is never about to lapse. */
const RENEW_MARGIN_MS = 60_000;

/**
 * App and access tokens per (org, user), minted by the stand-in and kept until
 * shortly before they expire, like Azure DevOps hands the same token to every
 * frame of a page. Concurrent requests share one mint.
 */
export class TokenCache {
  private readonly entries = new Map<string, Promise<{ tokens: StandinTokens; expiresAtMs: number }>>();

  constructor(
    private readonly mint: MintTokens,
    private readonly now: () => number = Date.now,
  ) {}

  /** `scope` separates tokens that must not be shared (e.g. per host type: the backend caches what a token proved). */
  async get(org: string, userId: string, scope = ""): Promise<StandinTokens> {
    const key = `${org}\n${userId}\n${scope}`;
    const cached = this.entries.get(key);
    if (cached) {
      const entry = await cached.catch(() => undefined);
      if (entry && entry.expiresAtMs - RENEW_MARGIN_MS > this.now()) return entry.tokens;
    }
    const fresh = this.mint(org, userId).then((tokens) => ({ tokens, expiresAtMs: expiryMs(tokens) }));
    this.entries.set(key, fresh);
    fresh.catch(() => this.entries.delete(key));
    return (await fresh).tokens;
  }
}

/** The stand-in's expiresAt may be an ISO date or epoch seconds/milliseconds. */
export function expiryMs(tokens: Pick<StandinTokens, "expiresAt">): number {
  const { expiresAt } = tokens;
  if (typeof expiresAt === "number") return expiresAt < 1e12 ? expiresAt * 1000 : expiresAt;
  const parsed = Date.parse(expiresAt);
  if (!Number.isNaN(parsed)) return parsed;
  const numeric = Number(expiresAt);
  return Number.isFinite(numeric) ? expiryMs({ expiresAt: numeric }) : 0;
}
