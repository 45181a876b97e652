import { describe, expect, it } from "vitest";
import { fakeJwt } from "./test-support/fake-jwt";
import { createTokenCache, type TokenSources } from "./token-cache";

const HOUR_S = 3600;
const START_MS = 1_700_000_000_000;
const MARGIN_MS = 60_000;

/** Token sources that count calls and mint numbered tokens expiring `lifetimeS` from now. */
function countingSources(clock: { now: number }, lifetimeS = HOUR_S) {
  const calls = { app: 0, access: 0 };
  const mint = (kind: string, n: number) => fakeJwt({ kind, n, exp: Math.floor(clock.now / 1000) + lifetimeS });
  const sources: TokenSources = {
    fetchAppToken: async () => mint("app", ++calls.app),
    fetchAccessToken: async () => mint("access", ++calls.access),
  };
  return { sources, calls };
}

describe("token cache", () => {
  it("reuses the tokens until their expiry minus the margin, then fetches new ones", async () => {
    const clock = { now: START_MS };
    const { sources, calls } = countingSources(clock);
    const cache = createTokenCache(sources, { now: () => clock.now, refreshMarginMs: MARGIN_MS });

    const first = await cache.get();
    clock.now = START_MS + HOUR_S * 1000 - MARGIN_MS - 1;
    expect(await cache.get()).toEqual(first);
    expect(calls).toEqual({ app: 1, access: 1 });

    clock.now = START_MS + HOUR_S * 1000 - MARGIN_MS;
    const second = await cache.get();
    expect(calls).toEqual({ app: 2, access: 2 });
    expect(second.appToken).not.toBe(first.appToken);
  });

  it("refreshes when the earlier of the two tokens is about to expire", async () => {
    const clock = { now: START_MS };
    let fetches = 0;
    const cache = createTokenCache(
      {
        fetchAppToken: async () => (fetches++, fakeJwt({ exp: START_MS / 1000 + HOUR_S })),
        fetchAccessToken: async () => fakeJwt({ exp: START_MS / 1000 + 600 }),
      },
      { now: () => clock.now, refreshMarginMs: MARGIN_MS },
    );
    await cache.get();
    clock.now = START_MS + 600_000 - MARGIN_MS;
    await cache.get();
    expect(fetches).toBe(2);
  });

  it("shares one refresh between concurrent callers", async () => {
    const clock = { now: START_MS };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { sources, calls } = countingSources(clock);
    const slowSources: TokenSources = {
      fetchAppToken: async () => (await gate, sources.fetchAppToken()),
      fetchAccessToken: async () => (await gate, sources.fetchAccessToken()),
    };
    const cache = createTokenCache(slowSources, { now: () => clock.now });

    const waiting = [cache.get(), cache.get(), cache.get()];
    release();
    const results = await Promise.all(waiting);

    expect(calls).toEqual({ app: 1, access: 1 });
    expect(new Set(results.map((r) => r.appToken)).size).toBe(1);
  });

  it("fetches again after invalidate(), and a refresh begun before it does not refill the cache", async () => {
    const clock = { now: START_MS };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { sources, calls } = countingSources(clock);
    let gated = true;
    const cache = createTokenCache(
      {
        fetchAppToken: async () => (gated && (await gate), sources.fetchAppToken()),
        fetchAccessToken: () => sources.fetchAccessToken(),
      },
      { now: () => clock.now },
    );

    const stale = cache.get();
    cache.invalidate();
    gated = false;
    const fresh = await cache.get();
    release();
    await stale;

    expect(calls.app).toBe(2);
    expect(await cache.get()).toEqual(fresh);
    expect(calls.app).toBe(2);
  });

  it("does not cache a token whose expiry cannot be read", async () => {
    let fetches = 0;
    const cache = createTokenCache({
      fetchAppToken: async () => (fetches++, "opaque-token"),
      fetchAccessToken: async () => fakeJwt({ exp: Date.now() / 1000 + HOUR_S }),
    });
    await cache.get();
    await cache.get();
    expect(fetches).toBe(2);
  });

  it("lets a failed refresh fail its callers and tries again on the next call", async () => {
    const clock = { now: START_MS };
    let failNext = true;
    const { sources, calls } = countingSources(clock);
    const cache = createTokenCache(
      {
        fetchAppToken: async () => {
          if (failNext) {
            failNext = false;
            throw new Error("host did not answer");
          }
          return sources.fetchAppToken();
        },
        fetchAccessToken: () => sources.fetchAccessToken(),
      },
      { now: () => clock.now },
    );
    await expect(cache.get()).rejects.toThrow("host did not answer");
    await expect(cache.get()).resolves.toMatchObject({ appToken: expect.any(String) });
    expect(calls.app).toBe(1);
  });
});
