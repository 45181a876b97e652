import { describe, expect, it } from "vitest";
import { UpstreamThrottledError } from "../../domain/errors";
import { honourThrottling, type Clock } from "./throttling";

/** A clock whose sleeps pass instantly, so the budget arithmetic is checked exactly. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

const throttled = (retryAfter: string) =>
  Object.assign(new Error("429"), { statusCode: 429, responseHeaders: { "retry-after": retryAfter } });

describe("honourThrottling", () => {
  it("retries after each 429 as asked while the waits fit the budget", async () => {
    const clock = fakeClock();
    let tries = 0;
    const answer = await honourThrottling(
      async () => (++tries < 3 ? Promise.reject(throttled("10")) : "ok"),
      { until: 30_000 },
      clock,
    );
    expect({ answer, tries, slept: clock.slept }).toEqual({ answer: "ok", tries: 3, slept: [10_000, 10_000] });
  });

  it("stops before a wait that would end past the budget, with Azure DevOps' Retry-After", async () => {
    const clock = fakeClock();
    const failure = await honourThrottling(() => Promise.reject(throttled("10")), { until: 25_000 }, clock).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(UpstreamThrottledError);
    expect({ retryAfter: (failure as UpstreamThrottledError).retryAfterSeconds, slept: clock.slept }).toEqual({
      retryAfter: 10,
      slept: [10_000, 10_000],
    });
  });

  it("never spins on Retry-After: 0 and passes other failures straight through", async () => {
    const clock = fakeClock();
    const failure = await honourThrottling(() => Promise.reject(throttled("0")), { until: 1_000 }, clock).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(UpstreamThrottledError);
    expect(clock.slept.length).toBe(10); // 100 ms at least per wait
    const other = Object.assign(new Error("500"), { statusCode: 500 });
    await expect(honourThrottling(() => Promise.reject(other), { until: 1_000 }, clock)).rejects.toBe(other);
  });
});
