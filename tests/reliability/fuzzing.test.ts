import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendStack, type BackendStack } from "../../dev/stack";
import { api, signIn, type SignedIn } from "../integration/support/sign-in";
import { badBodies } from "./support/bad-bodies";
import { allEndpoints, hasJsonBody, label, pathOf, placeholderParams, type Endpoint } from "./support/endpoints";
import { sampleBody } from "./support/sample-bodies";
import { storeChanges, storeSnapshot } from "./support/store-snapshot";

const RUNS = 20;
const WEBHOOK = { user: "fuzz-hook", password: "fuzz-hook-password" };
const endpoints = allEndpoints().filter((e) => hasJsonBody(e) && e.auth !== "public");
let stack: BackendStack;
let owner: SignedIn;
/** Real objects of the owner, so routes with an {id} reach their validation. */
const realIds: Record<string, string> = {};
/** Credentials of the "custom" routes, by the first segment of their route. */
const customCredentials: Record<string, string> = {
  webhooks: `Basic ${Buffer.from(`${WEBHOOK.user}:${WEBHOOK.password}`).toString("base64")}`,
};

beforeAll(async () => {
  stack = await startBackendStack({
    ports: "random",
    env: { CHARGEBEE_WEBHOOK_USER: WEBHOOK.user, CHARGEBEE_WEBHOOK_PASSWORD: WEBHOOK.password },
  });
  // Priya is fabrikam's first user (Administrator) and a PCA: no route refuses her for who she is.
  owner = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
  await api(stack, owner, "GET", "me");
  realIds.worklogs = (
    await api<{ id: string }>(stack, owner, "POST", "worklogs", sampleBody("worklogs-create"))
  ).body.id;
  realIds["activity-types"] = (
    await api<{ id: string }>(stack, owner, "POST", "activity-types", sampleBody("activity-types-create"))
  ).body.id;
  // The REST API takes the owner's own API token (user management creates them).
  const token = await api<{ secret?: string }>(stack, owner, "POST", "tokens", { name: "Fuzzing" });
  if (token.body.secret) customCredentials.rest = `Bearer ${token.body.secret}`;
});
afterAll(async () => {
  await stack?.stop();
});

function target(e: Endpoint): { path: string; headers: Record<string, string> } {
  const resource = e.route.split("/")[0];
  const params = {
    ...placeholderParams(e),
    ...(e.params.includes("id") && realIds[resource] ? { id: realIds[resource] } : {}),
  };
  const custom = customCredentials[resource];
  const headers: Record<string, string> =
    e.auth === "custom" ? (custom ? { Authorization: custom } : {}) : owner.headers;
  return { path: pathOf(e, params), headers };
}

/**
 * Writes that record the request rather than carry it out: a REST API token's "last used"
 * time is kept when the token authenticates, whatever the body then turns out to be.
 */
const BOOKKEEPING = [/^changed tokens\//];
const substantive = (changes: string[]) => changes.filter((c) => !BOOKKEEPING.some((pattern) => pattern.test(c)));

/** A failure the client can act on: a 4xx with a message, or the store/upstream being unavailable. */
const clean = (status: number) => (status >= 400 && status < 500) || status === 502 || status === 503;

describe("bad input on every JSON endpoint", () => {
  it("finds the JSON endpoints, and a credential for every custom one", () => {
    expect(endpoints.map((e) => e.name)).toContain("worklogs-create");
    const uncovered = endpoints
      .filter((e) => e.auth === "custom" && !customCredentials[e.route.split("/")[0]])
      .map(label);
    expect(uncovered, "add the route's credential to customCredentials").toEqual([]);
  });

  describe.each(endpoints.map((e) => [label(e), e] as const))("%s", (_, e) => {
    it("never answers 500 and writes nothing when it refuses", async () => {
      const { path, headers } = target(e);
      await fc.assert(
        fc.asyncProperty(badBodies(sampleBody(e.name)), async (body) => {
          const before = await storeSnapshot();
          const response = await api<{ error?: { message?: string } }>(stack, headers, e.method, path, body);
          if (response.status < 300) return; // valid by chance: a normal write
          expect(clean(response.status), `status ${response.status} for ${body.slice(0, 200)}`).toBe(true);
          if (response.status < 500) expect(response.body?.error?.message, "a 4xx says what is wrong").toMatch(/\S/);
          expect(
            substantive(storeChanges(before, await storeSnapshot())),
            `refused but wrote, for ${body.slice(0, 200)}`,
          ).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    });
  });
});
