import { describe, expect, it } from "vitest";
import { PreconditionFailedError, UnavailableError, ValidationError } from "./errors";
import {
  jitteredExponential,
  retryOnConflict,
  TOO_MANY_CHANGES,
  TooManyChangesError,
  type ConflictRetry,
} from "./retry-on-conflict";

const isStale = (error: unknown) => error instanceof PreconditionFailedError;

/** An attempt that loses `losses` times to another write, then saves. */
function losing(losses: number) {
  const seen: number[] = [];
  const attempt = async (index: number) => {
    seen.push(index);
    if (seen.length <= losses) throw new PreconditionFailedError("changed");
    return "saved";
  };
  return { attempt, seen };
}

describe("retry on conflict", () => {
  it("runs the attempt again on fresh data until it wins, numbering each attempt", async () => {
    const { attempt, seen } = losing(2);
    await expect(retryOnConflict({ attempts: 3, isConflict: isStale }, attempt)).resolves.toBe("saved");
    expect(seen).toEqual([0, 1, 2]);
  });

  it("gives up after its budget with one 503 message", async () => {
    const { attempt, seen } = losing(10);
    const result = retryOnConflict({ attempts: 4, isConflict: isStale }, attempt);
    await expect(result).rejects.toBeInstanceOf(TooManyChangesError);
    await expect(result).rejects.toBeInstanceOf(UnavailableError);
    await expect(result).rejects.toMatchObject({ code: "unavailable", message: TOO_MANY_CHANGES });
    expect(seen).toHaveLength(4);
  });

  it("lets an inner retry's exhaustion through an outer one, naming the conflict that ran out", async () => {
    const inner = () => retryOnConflict({ attempts: 2, isConflict: isStale }, losing(5).attempt);
    class OuterConflict extends Error {}
    const outer = retryOnConflict({ attempts: 3, isConflict: (e) => e instanceof OuterConflict }, inner);
    await expect(outer).rejects.toMatchObject({ lastConflict: expect.any(PreconditionFailedError) });
  });

  it("lets any other error through at once", async () => {
    let calls = 0;
    const attempt = async () => {
      calls++;
      throw new ValidationError("bad input");
    };
    await expect(retryOnConflict({ attempts: 5, isConflict: isStale }, attempt)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(calls).toBe(1);
  });

  it("pauses between attempts as the backoff says, and not after the last one", async () => {
    const pauses: number[] = [];
    const policy: ConflictRetry = {
      attempts: 3,
      isConflict: isStale,
      backoff: { delayMs: (failed) => 10 * (failed + 1), sleep: async (ms) => void pauses.push(ms) },
    };
    await expect(retryOnConflict(policy, losing(5).attempt)).rejects.toBeInstanceOf(TooManyChangesError);
    expect(pauses).toEqual([10, 20]);
  });

  it("jitters exponentially up to a cap", () => {
    const top = jitteredExponential(5, 120, () => 0.999999);
    expect([0, 1, 2, 3, 4, 5, 9, 40].map((n) => Math.round(top(n)))).toEqual([5, 10, 20, 40, 80, 120, 120, 120]);
    expect(jitteredExponential(5, 120, () => 0)(3)).toBe(0);
  });
});
