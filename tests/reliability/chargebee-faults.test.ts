import Chargebee from "chargebee";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendStack, type BackendStack } from "../../dev/stack";
import type { ChargebeeStandin, Fault } from "../../dev/chargebee/index";
import { api, signIn, type SignedIn } from "../integration/support/sign-in";
import { allEndpoints, hasJsonBody, label, pathOf, placeholderParams, type Endpoint } from "./support/endpoints";
import { sampleBody } from "./support/sample-bodies";
import { storeChanges, storeSnapshot } from "./support/store-snapshot";
import { subscribe } from "./support/subscribed";

const TIMEOUT_MS = 1_000;
// Every page route may reach Chargebee; the ones that do not simply leave the fault unused.
const endpoints = allEndpoints().filter((e) => e.auth === "user");
let stack: BackendStack;
let chargebee: ChargebeeStandin;
let priya: SignedIn;

beforeAll(async () => {
  stack = await startBackendStack({ ports: "random", env: { CHARGEBEE_TIMEOUT_MS: String(TIMEOUT_MS) } });
  chargebee = stack.chargebee!;
  priya = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
  await api(stack, priya, "GET", "me");
  await subscribe(stack, priya, 5);
});
afterAll(async () => {
  await stack?.stop();
});

/**
 * Whether the queued fault is still waiting (the route never called Chargebee): a direct API
 * call takes it if so. A delay fault shows as the probe's own short timeout.
 */
async function faultWasUnused(fault: Fault): Promise<boolean> {
  const probe = new Chargebee({ ...chargebee.clientConfig, ...("delayMs" in fault ? { timeout: 300 } : {}) });
  try {
    await probe.itemPrice.list({ limit: 1 });
    return false;
  } catch {
    return true;
  }
}

interface Outcome {
  reachedChargebee: boolean;
  status: number;
  message: string | undefined;
  writes: string[];
}

async function callWithFault(e: Endpoint, fault: Fault): Promise<Outcome> {
  chargebee.holdWebhooks(); // a slow call still runs in Chargebee; its webhook is not what is under test
  const before = await storeSnapshot(priya.org.id);
  chargebee.failNext(fault);
  const response = await api<{ error?: { message?: string } }>(
    stack,
    priya,
    e.method,
    pathOf(e, placeholderParams(e)),
    hasJsonBody(e) ? sampleBody(e.name) : undefined,
  );
  const writes = storeChanges(before, await storeSnapshot(priya.org.id));
  const reachedChargebee = !(await faultWasUnused(fault));
  await chargebee.releaseWebhooks();
  return { reachedChargebee, status: response.status, message: response.body?.error?.message, writes };
}

/** A failure the buyer can read and retry, with nothing of ours changed. */
function expectCleanFailure(outcome: Outcome): void {
  if (outcome.status < 400) return; // the route did not need Chargebee for this, or recovered
  expect(outcome).toEqual({
    ...outcome,
    status: expect.toSatisfy((s: number) => s !== 500),
    message: expect.stringMatching(/\S/),
    writes: [],
  });
}

describe("Chargebee failing under every route", () => {
  it("has routes that reach Chargebee", () => {
    expect(endpoints.map((e) => e.name)).toContain("subscription-change");
  });

  describe.each(endpoints.map((e) => [label(e), e] as const))("%s", (_, e) => {
    it("answers Chargebee's 500 with a clear error and changes nothing", async () => {
      const outcome = await callWithFault(e, { status: 500 });
      if (outcome.reachedChargebee) expect(outcome.status).toBeGreaterThanOrEqual(400);
      expectCleanFailure(outcome);
    });

    // Every other error status Chargebee documents, with its documented type and code (the stand-in's default bodies).
    it.each([400, 401, 404, 409, 422, 429, 503])(
      "answers Chargebee's %s with a clear error, never a 500, and changes nothing",
      async (status) => {
        expectCleanFailure(await callWithFault(e, { status }));
      },
    );

    it.runIf(e.method !== "GET" && e.name.startsWith("subscription-"))(
      "answers a Chargebee timeout with a clear error and changes nothing",
      async () => {
        const outcome = await callWithFault(e, { delayMs: TIMEOUT_MS + 1_000 });
        if (outcome.reachedChargebee) expect(outcome.status).toBeGreaterThanOrEqual(400);
        expectCleanFailure(outcome);
      },
    );
  });
});
