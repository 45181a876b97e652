import { describe, expect, it } from "vitest";
import { ExpiringCache } from "./expiring-cache";

describe("ExpiringCache", () => {
  it("forgets entries at their expiry", () => {
    let now = 1000;
    const cache = new ExpiringCache<string>(10, () => now);
    cache.set("a", "x", 2000);
    expect(cache.get("a")).toBe("x");
    now = 2000;
    expect(cache.get("a")).toBeUndefined();
  });

  it("evicts the oldest entry when full", () => {
    const cache = new ExpiringCache<number>(2, () => 0);
    cache.set("a", 1, 10);
    cache.set("b", 2, 10);
    cache.set("c", 3, 10);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, 2, 3]);
  });

  it("loads once for concurrent callers and does not cache failures", async () => {
    const cache = new ExpiringCache<number>(10, () => 0);
    let loads = 0;
    const load = async () => ({ value: ++loads, expiresAt: 100 });
    expect(await Promise.all([cache.getOrLoad("k", load), cache.getOrLoad("k", load)])).toEqual([1, 1]);
    await expect(cache.getOrLoad("bad", async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await cache.getOrLoad("bad", load)).toBe(2);
  });
});
