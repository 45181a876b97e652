import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import type { AssignRolesResponse } from "../../functions/contracts/users";
import { ASSIGN_BATCH_SIZE } from "../../functions/contracts/limits";
import { assignInBatchesWith } from "./batch-assign";

const seats = { licensed: 0, limit: null, available: null };
const ids = (n: number) => Array.from({ length: n }, (_, i) => `user-${i}`);

describe("assigning a role to many users", () => {
  it("sends one request per 500 users and reports progress after each", async () => {
    const batches: string[][] = [];
    const progress: string[] = [];
    const send = async (_: unknown, batch: string[]): Promise<AssignRolesResponse> => {
      batches.push(batch);
      return { succeeded: batch.length, changed: batch.length - 1, failed: [], seats, message: "" };
    };
    const result = await assignInBatchesWith(send, "Team", ids(1_200), (p) => progress.push(`${p.done}/${p.total}`));
    expect(batches.map((b) => b.length)).toEqual([ASSIGN_BATCH_SIZE, ASSIGN_BATCH_SIZE, 200]);
    expect(batches.flat()).toEqual(ids(1_200));
    expect(progress).toEqual(["0/1200", "500/1200", "1000/1200", "1200/1200"]);
    expect(result).toMatchObject({ succeeded: 1_200, changed: 1_197, failed: [] });
  });

  it("collects users that failed and stops at a refused batch", async () => {
    let calls = 0;
    const send = async (_: unknown, batch: string[]): Promise<AssignRolesResponse> => {
      calls++;
      if (calls === 2) throw new ApiError(409, "seat_limit", "Not enough seats");
      return {
        succeeded: batch.length - 1,
        changed: 0,
        failed: [{ userId: batch[0], message: "gone" }],
        seats,
        message: "",
      };
    };
    const attempt = assignInBatchesWith(send, "Team", ids(1_100), () => undefined);
    await expect(attempt).rejects.toMatchObject({ code: "seat_limit" });
    expect(calls).toBe(2);
  });
});
