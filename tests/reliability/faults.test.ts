import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendStack, type BackendStack } from "../../dev/stack";
import { api, signIn, type SignedIn } from "../integration/support/sign-in";
import { storeRequestsOf, withOutageAtStoreRequest } from "./support/store-outage";

let stack: BackendStack;
let marcus: SignedIn;

beforeAll(async () => {
  stack = await startBackendStack({ ports: "random" });
  await api(stack, await signIn(stack, "fabrikam", "priya.patel@fabrikam.example"), "GET", "me");
  marcus = await signIn(stack, "fabrikam", "marcus.johnson@fabrikam.example");
  await api(stack, marcus, "GET", "me");
});
afterAll(async () => {
  await stack?.stop();
});

type ErrorBody = { error?: { code: string; message: string } };

async function worklogsWithComment(comment: string): Promise<number> {
  const list = await api<{ worklogs: { comment: string }[] }>(stack, marcus, "GET", "worklogs?from=2026-01-01&to=2026-12-31&pageSize=1000");
  expect(list.status).toBe(200);
  return list.body.worklogs.filter((w) => w.comment === comment).length;
}

describe("the store stops in the middle of a request", () => {
  it("GET /api/me answers a clean 503 at every step, and the retry succeeds", async () => {
    const cosmos = stack.cosmos!;
    const call = () => api<ErrorBody>(stack, marcus, "GET", "me");
    const steps = await storeRequestsOf(cosmos, call);
    expect(steps).toBeGreaterThan(0);
    for (let step = 1; step <= steps; step++) {
      const { result, hit } = await withOutageAtStoreRequest(cosmos, step, call);
      expect(hit).toBe(true);
      expect({ step, status: result.status, code: result.body.error?.code }).toEqual({ step, status: 503, code: "unavailable" });
      expect((await call()).status).toBe(200);
    }
  });

  const body = (comment: string, requestId?: string) => ({ workItemId: 3, start: "2026-03-04T09:00:00+01:00", durationSeconds: 900, comment, ...(requestId ? { requestId } : {}) });

  /** Adds time with the store going down at each step in turn; returns how many worklogs each retry left behind. */
  async function addTimeThroughOutages(label: string, withRequestId = false): Promise<Record<number, number>> {
    const cosmos = stack.cosmos!;
    const steps = await storeRequestsOf(cosmos, () => api(stack, marcus, "POST", "worklogs", body(`${label} warm-up`)));
    expect(steps).toBeGreaterThan(1);
    const stored: Record<number, number> = {};
    for (let step = 1; step <= steps; step++) {
      const comment = `${label}: outage at store request ${step}`;
      // The page makes one requestId per worklog and sends it again when the user retries.
      const requestId = withRequestId ? randomUUID() : undefined;
      const { result, hit } = await withOutageAtStoreRequest(cosmos, step, () => api<ErrorBody>(stack, marcus, "POST", "worklogs", body(comment, requestId)));
      expect(hit).toBe(true);
      expect({ step, status: result.status, message: result.body.error?.message }).toEqual({ step, status: 503, message: expect.stringMatching(/\S/) });
      expect((await api(stack, marcus, "POST", "worklogs", body(comment, requestId))).status).toBe(201);
      stored[step] = await worklogsWithComment(comment);
    }
    return stored;
  }

  it("adding time answers a clean 503 at every step, and the retry completes", async () => {
    const stored = await addTimeThroughOutages("retry");
    for (const count of Object.values(stored)) expect(count).toBeGreaterThanOrEqual(1);
  });

  // The outage can strike as the worklog document is written: the write lands but the caller
  // gets 503. With the requestId the retry answers that worklog instead of adding it again.
  it("adding time never records it twice when the retry carries the same requestId", async () => {
    const stored = await addTimeThroughOutages("exactly once", true);
    expect(Object.entries(stored).filter(([, count]) => count !== 1)).toEqual([]);
  });
});
