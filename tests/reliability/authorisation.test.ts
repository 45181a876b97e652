import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendStack, type BackendStack } from "../../dev/stack";
import { api } from "../integration/support/sign-in";
import { EXPECTED_ACCESS, isAllowed } from "./expected-access";
import { allEndpoints, hasJsonBody, label, pathOf, placeholderParams, type Endpoint } from "./support/endpoints";
import { assembleCast, SWEEP_ROLES, type Cast, type SweepRole } from "./support/cast";
import { sampleBody } from "./support/sample-bodies";

const endpoints = allEndpoints().filter((e) => e.auth === "user");
let stack: BackendStack;
let cast: Cast;

beforeAll(async () => {
  stack = await startBackendStack({ ports: "random" });
  cast = await assembleCast(stack);
});
afterAll(async () => {
  await stack?.stop();
});

type Outcome = "allowed" | "denied" | `failed ${number}` | `unauthenticated`;

/** What happened, as the capability table speaks of it: a 4xx other than 401/403 is the handler judging the input, so the caller got in. */
function outcome(status: number): Outcome {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "denied";
  if (status >= 500 && status !== 502 && status !== 503) return `failed ${status}`;
  return "allowed";
}

async function call(e: Endpoint, role: SweepRole): Promise<Outcome> {
  const response = await api(
    stack,
    cast.byRole[role],
    e.method,
    pathOf(e, placeholderParams(e)),
    hasJsonBody(e) ? sampleBody(e.name) : undefined,
  );
  return outcome(response.status);
}

describe("authorisation sweep (docs/architecture.md, roles)", () => {
  it("has an expected access for every registered route", () => {
    const missing = [...new Set(endpoints.map((e) => e.name))].filter((name) => !(name in EXPECTED_ACCESS));
    expect(missing, "add these routes to tests/reliability/expected-access.ts").toEqual([]);
  });

  describe.each(endpoints.filter((e) => e.name in EXPECTED_ACCESS).map((e) => [label(e), e] as const))("%s", (_, e) => {
    it("lets in exactly the roles the capability table names", async () => {
      const access = EXPECTED_ACCESS[e.name];
      const expected: Record<string, Outcome> = {};
      const actual: Record<string, Outcome> = {};
      for (const role of SWEEP_ROLES) {
        expected[role] = isAllowed(access, role) ? "allowed" : "denied";
        actual[role] = await call(e, role);
      }
      expect(actual).toEqual(expected);
    });
  });
});
