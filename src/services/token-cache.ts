import { readJwtExpiry } from "./jwt";

/** The two tokens every backend call carries (see the identity headers contract). */
export interface IdentityTokens {
  appToken: string;
  accessToken: string;
}

/** Where fresh tokens come from: the SDK in the browser, fakes in tests. */
export interface TokenSources {
  fetchAppToken(): Promise<string>;
  fetchAccessToken(): Promise<string>;
}

export interface TokenCacheOptions {
  /** Clock in milliseconds; injectable for tests. */
  now?: () => number;
  /**
   * Refresh this long before the earliest `exp`, so a token never expires in flight and a
   * small clock difference with the backend does not cause a 401.
   */
  refreshMarginMs?: number;
}

export interface TokenCache {
  /** Cached tokens while both are valid; otherwise one shared refresh for all callers. */
  get(): Promise<IdentityTokens>;
  /** Forget the cached tokens (e.g. after the backend rejected them with 401). */
  invalidate(): void;
}

export const DEFAULT_REFRESH_MARGIN_MS = 60_000;

export function createTokenCache(sources: TokenSources, options: TokenCacheOptions = {}): TokenCache {
  const now = options.now ?? Date.now;
  const marginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  let cached: { tokens: IdentityTokens; validUntilMs: number } | undefined;
  let inFlight: Promise<IdentityTokens> | undefined;
  // Bumped by invalidate(): a refresh that started before it must not repopulate the cache.
  let generation = 0;

  async function refresh(startedIn: number): Promise<IdentityTokens> {
    const [appToken, accessToken] = await Promise.all([sources.fetchAppToken(), sources.fetchAccessToken()]);
    const tokens = { appToken, accessToken };
    if (startedIn === generation) {
      cached = { tokens, validUntilMs: Math.min(expiryMs(appToken), expiryMs(accessToken)) - marginMs };
    }
    return tokens;
  }

  return {
    get() {
      if (cached && now() < cached.validUntilMs) return Promise.resolve(cached.tokens);
      if (!inFlight) {
        const flight: Promise<IdentityTokens> = refresh(generation).finally(() => {
          if (inFlight === flight) inFlight = undefined;
        });
        inFlight = flight;
      }
      return inFlight;
    },
    invalidate() {
      cached = undefined;
      inFlight = undefined;
      generation += 1;
    },
  };
}

/** A token whose expiry cannot be read is used once and never cached. */
function expiryMs(token: string): number {
  const exp = readJwtExpiry(token);
  return exp === undefined ? Number.NEGATIVE_INFINITY : exp * 1000;
}
