import { describe, expect, it } from "vitest";
import { REST_API_WINDOWS, SlidingWindowLimiter } from "./rate-limit";

describe("REST API rate limit", () => {
  it("allows 10 requests in a second and refuses the 11th until the window slides", () => {
    const limiter = new SlidingWindowLimiter(REST_API_WINDOWS);
    for (let i = 0; i < 10; i++) expect(limiter.take("t", 1_000 + i * 10).allowed).toBe(true);
    expect(limiter.take("t", 1_200)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take("t", 2_000).allowed).toBe(true); // the first request left the window
  });

  it("allows 100 requests a minute and says how long to wait", () => {
    const limiter = new SlidingWindowLimiter(REST_API_WINDOWS);
    for (let i = 0; i < 100; i++) expect(limiter.take("t", i * 200).allowed).toBe(true);
    const refused = limiter.take("t", 20_000);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(limiter.take("t", 60_001).allowed).toBe(true);
  });

  it("does not count refused requests, and keeps tokens apart", () => {
    const limiter = new SlidingWindowLimiter([{ limit: 2, ms: 1_000 }]);
    limiter.take("a", 0);
    limiter.take("a", 1);
    for (let i = 0; i < 5; i++) expect(limiter.take("a", 2 + i).allowed).toBe(false);
    expect(limiter.take("b", 3).allowed).toBe(true);
    expect(limiter.take("a", 1_000).allowed).toBe(true);
  });

  it("forgets the least recently used keys beyond its size", () => {
    const limiter = new SlidingWindowLimiter([{ limit: 1, ms: 60_000 }], 2);
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.take("c", 0);
    expect(limiter.take("a", 1).allowed).toBe(true); // "a" was forgotten
    expect(limiter.take("c", 1).allowed).toBe(false);
  });
});
