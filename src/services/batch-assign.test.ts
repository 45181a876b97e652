import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import type { AssignRolesResponse, HoldSeatsResponse } from "../../functions/contracts/users";
import { ASSIGN_BATCH_SIZE } from "../../functions/contracts/limits";
import { MAX_ASSIGN_USERS } from "../../functions/contracts/users";
import { assignInBatchesWith, type BatchRequests } from "./batch-assign";

const seats = { licensed: 0, limit: null, available: null };
const ids = (n: number) => Array.from({ length: n }, (_, i) => `user-${i}`);
const HOLD = "7d1e2a52-4f8e-4d34-9d0b-0c1f7c3b2a11";

/** The backend as the page sees it, recording every request in order. */
function backend(options: { refuseBatch?: number; refuseHold?: number } = {}) {
  const calls: string[] = [];
  const batches: string[][] = [];
  let assigns = 0;
  let holds = 0;
  const requests: BatchRequests = {
    assign: async (_, batch, holdId): Promise<AssignRolesResponse> => {
      assigns++;
      calls.push(`assign ${batch.length}${holdId ? ` with ${holdId}` : ""}`);
      if (assigns === options.refuseBatch) throw new ApiError(503, "unavailable", "Try again");
      batches.push(batch);
      return {
        succeeded: batch.length - 1,
        changed: batch.length - 2,
        failed: [{ userId: batch[0], message: "gone" }],
        seats,
        message: "",
      };
    },
    hold: async (_, users, holdId): Promise<HoldSeatsResponse> => {
      holds++;
      calls.push(`hold ${users.length}${holdId ? ` onto ${holdId}` : ""}`);
      if (holds === options.refuseHold) throw new ApiError(409, "seat_limit", "Not enough seats");
      return { holdId: HOLD, seatsHeld: users.length, until: "2026-12-04T12:02:00.000Z" };
    },
    release: async (holdId) => void calls.push(`release ${holdId}`),
  };
  return { requests, calls, batches };
}

describe("assigning a role to many users", () => {
  it("holds the seats first, sends one request per 500 users with the hold, reports progress, then releases", async () => {
    const { requests, calls, batches } = backend();
    const progress: string[] = [];
    const result = await assignInBatchesWith(requests, "Team", ids(1_200), (p) =>
      progress.push(`${p.done}/${p.total}`),
    );
    expect(calls).toEqual([
      "hold 1200",
      `assign ${ASSIGN_BATCH_SIZE} with ${HOLD}`,
      `assign ${ASSIGN_BATCH_SIZE} with ${HOLD}`,
      `assign 200 with ${HOLD}`,
      `release ${HOLD}`,
    ]);
    expect(batches.flat()).toEqual(ids(1_200));
    expect(progress).toEqual(["0/1200", "500/1200", "1000/1200", "1200/1200"]);
    expect(result).toMatchObject({ succeeded: 1_197, changed: 1_194 });
    expect(result.failed.map((f) => f.userId)).toEqual(["user-0", "user-500", "user-1000"]);
  });

  it("sends a change of one batch as it is: one request is all or nothing by itself", async () => {
    const { requests, calls } = backend();
    await assignInBatchesWith(requests, "Team", ids(ASSIGN_BATCH_SIZE), () => undefined);
    expect(calls).toEqual([`assign ${ASSIGN_BATCH_SIZE}`]);
  });

  it("holds a change larger than one request allows in parts of one hold", async () => {
    const { requests, calls } = backend();
    await assignInBatchesWith(requests, "Team", ids(MAX_ASSIGN_USERS + 1), () => undefined);
    expect(calls.slice(0, 2)).toEqual([`hold ${MAX_ASSIGN_USERS}`, `hold 1 onto ${HOLD}`]);
  });

  it("applies nothing when the seats cannot be held, and releases what part of the hold it got", async () => {
    const { requests, calls } = backend({ refuseHold: 2 });
    const attempt = assignInBatchesWith(requests, "Team", ids(MAX_ASSIGN_USERS + 1), () => undefined);
    await expect(attempt).rejects.toMatchObject({ code: "seat_limit" });
    expect(calls).toEqual([`hold ${MAX_ASSIGN_USERS}`, `hold 1 onto ${HOLD}`, `release ${HOLD}`]);
  });

  it("stops at a failed batch and releases the hold, so its seats do not wait for it to lapse", async () => {
    const { requests, calls } = backend({ refuseBatch: 2 });
    const attempt = assignInBatchesWith(requests, "Team", ids(1_100), () => undefined);
    await expect(attempt).rejects.toMatchObject({ code: "unavailable" });
    expect(calls).toEqual([
      "hold 1100",
      `assign ${ASSIGN_BATCH_SIZE} with ${HOLD}`,
      `assign ${ASSIGN_BATCH_SIZE} with ${HOLD}`,
      `release ${HOLD}`,
    ]);
  });
});
