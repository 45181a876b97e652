import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendStack, type BackendStack } from "../../dev/stack";
import type { MeResponse } from "../../functions/contracts/me";
import type { ListMembersResponse, UsersOverviewResponse } from "../../functions/contracts/users";
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
  const list = await api<{ worklogs: { comment: string }[] }>(
    stack,
    marcus,
    "GET",
    "worklogs?from=2026-01-01&to=2026-12-31&pageSize=1000",
  );
  expect(list.status).toBe(200);
  return list.body.worklogs.filter((w) => w.comment === comment).length;
}

describe("the store stops in the middle of a request", () => {
  // A warm GET is answered from this instance's copy and reaches no store (see
  // tests/integration/foundation/access-freshness); a first visit reads and writes it.
  it("a user's first visit (GET /api/me admits them) answers a clean 503 at every step, and the retry admits them once", async () => {
    const cosmos = stack.cosmos!;
    const priya = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
    const taken = new Set([marcus.user.id, priya.user.id]);
    const newcomers = stack.devops.state.org("fabrikam").users.filter((u) => !taken.has(u.id));
    const visit = async () => signIn(stack, "fabrikam", newcomers.shift()!.id);
    const first = await visit();
    const steps = await storeRequestsOf(cosmos, () => api<ErrorBody>(stack, first, "GET", "me"));
    expect(steps).toBeGreaterThan(1);
    expect(newcomers.length).toBeGreaterThanOrEqual(steps);
    for (let step = 1; step <= steps; step++) {
      const newcomer = await visit();
      const { result, hit } = await withOutageAtStoreRequest(cosmos, step, () =>
        api<ErrorBody>(stack, newcomer, "GET", "me"),
      );
      expect(hit).toBe(true);
      // The visit's last store request is the best-effort "last opened" stamp: an outage there
      // is logged and the visit is answered (the member was admitted); every other step is a 503.
      const stampStep = step === steps;
      expect({ step, status: result.status, code: result.body.error?.code }).toEqual({
        step,
        status: stampStep ? 200 : 503,
        code: stampStep ? undefined : "unavailable",
      });
      const retry = await api<MeResponse>(stack, newcomer, "GET", "me");
      expect({ step, status: retry.status, role: retry.body.role?.assigned }).toEqual({
        step,
        status: 200,
        role: "Default",
      });
    }
    // Admitted once each: the seat count (the ledger) agrees with the members listed.
    const listed = await api<ListMembersResponse>(stack, priya, "GET", "users/licensed?pageSize=200");
    const overview = await api<UsersOverviewResponse>(stack, priya, "GET", "users/overview");
    expect([listed.status, overview.status]).toEqual([200, 200]);
    expect(overview.body.seats.licensed).toBe(listed.body.members.length);
  });

  const body = (comment: string, requestId?: string) => ({
    workItemId: 3,
    start: "2026-03-04T09:00:00+01:00",
    durationSeconds: 900,
    comment,
    ...(requestId ? { requestId } : {}),
  });

  /** Adds time with the store going down at each step in turn; returns how many worklogs each retry left behind. */
  async function addTimeThroughOutages(label: string, withRequestId = false): Promise<Record<number, number>> {
    const cosmos = stack.cosmos!;
    // The day's first worklog also stamps "last tracked" (once a day): count the steps of a later one.
    await api(stack, marcus, "POST", "worklogs", body(`${label} first of the day`));
    const steps = await storeRequestsOf(cosmos, () => api(stack, marcus, "POST", "worklogs", body(`${label} warm-up`)));
    expect(steps).toBeGreaterThan(1);
    const stored: Record<number, number> = {};
    for (let step = 1; step <= steps; step++) {
      const comment = `${label}: outage at store request ${step}`;
      // The page makes one requestId per worklog and sends it again when the user retries.
      const requestId = withRequestId ? randomUUID() : undefined;
      const { result, hit } = await withOutageAtStoreRequest(cosmos, step, () =>
        api<ErrorBody>(stack, marcus, "POST", "worklogs", body(comment, requestId)),
      );
      expect(hit).toBe(true);
      expect({ step, status: result.status, message: result.body.error?.message }).toEqual({
        step,
        status: 503,
        message: expect.stringMatching(/\S/),
      });
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
