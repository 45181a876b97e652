import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendStack, type BackendStack } from "../../dev/stack";
import { api, type SignedIn } from "../integration/support/sign-in";
import { assembleCast, type Cast } from "./support/cast";
import { allEndpoints, hasJsonBody, label, pathOf, placeholderParams, type Endpoint } from "./support/endpoints";
import { seedFabrikam, type Footprint } from "./support/footprint";
import { sampleBody } from "./support/sample-bodies";
import { storeChanges, storeSnapshot, type StoreSnapshot } from "./support/store-snapshot";

const endpoints = allEndpoints().filter((e) => e.auth === "user");
/** The REST API: "custom" routes that take a user's API token, which names its org. */
const restEndpoints = allEndpoints().filter((e) => e.auth === "custom" && e.route.startsWith("rest/"));
let stack: BackendStack;
/** Contoso's Administrator's own REST API token. */
let contosoRest: Record<string, string> = {};
let cast: Cast;
let fabrikam: Footprint;
let fabrikamBefore: StoreSnapshot;

beforeAll(async () => {
  stack = await startBackendStack({ ports: "random" });
  cast = await assembleCast(stack);
  fabrikam = await seedFabrikam(stack, cast);
  fabrikamBefore = await storeSnapshot(cast.owner.org.id);
});
afterAll(async () => {
  await stack?.stop();
});

interface Attempt {
  path: string;
  body?: unknown;
  /** The path names one of fabrikam's own objects. */
  namesFabrikamObject: boolean;
}

/** Queries a route understands, so a GET is answered with data rather than a 400. */
const USEFUL_QUERIES: Record<string, string> = {
  "rest-users-roles-list": "includeNoneRoles=true&$expand=user.displayName",
};

/** The ways contoso's Administrator can name fabrikam's data: in the path, the query and the body. */
function attempts(e: Endpoint): Attempt[] {
  const fabrikamUser = cast.byRole.Team.user.id;
  const paths: { path: string; namesFabrikamObject: boolean }[] = [
    { path: pathOf(e, placeholderParams(e)), namesFabrikamObject: false },
  ];
  for (const id of e.params.length ? fabrikam.objectIds : []) {
    const values = {
      ...placeholderParams(e),
      ...Object.fromEntries(e.params.filter((p) => p !== "kind").map((p) => [p, id])),
    };
    paths.push({ path: pathOf(e, values), namesFabrikamObject: true });
  }
  const withQueries = paths.flatMap((p) =>
    e.method === "GET"
      ? [
          p,
          { ...p, path: `${p.path}?from=2026-01-01&to=2026-12-31&userId=${fabrikamUser}` },
          { ...p, path: `${p.path}?from=2026-01-01&to=2026-12-31&userId=all` },
          ...(USEFUL_QUERIES[e.name] ? [{ ...p, path: `${p.path}?${USEFUL_QUERIES[e.name]}` }] : []),
        ]
      : [p],
  );
  if (!hasJsonBody(e)) return withQueries;
  const sample = sampleBody(e.name);
  const activity = fabrikam.objectIds[0];
  return withQueries.flatMap((p) => [
    { ...p, body: sample },
    { ...p, body: { ...sample, userId: fabrikamUser } },
    { ...p, body: { ...sample, activityTypeId: activity } },
  ]);
}

/** Fabrikam strings in an answer, leaving out what the request itself carried. */
function leaks(text: string, sent: string): string[] {
  return [...fabrikam.markers].filter((m) => text.includes(m) && !sent.includes(m));
}

async function expectNothingOfFabrikam(e: Endpoint, headers: Record<string, string>): Promise<void> {
  for (const attempt of attempts(e)) {
    const response = await api(stack, headers, e.method, attempt.path, attempt.body);
    const sent = attempt.path + JSON.stringify(attempt.body ?? "");
    const seen = JSON.stringify(response.body) + JSON.stringify([...response.headers]);
    expect({ attempt: sent, leaks: leaks(seen, sent) }).toEqual({ attempt: sent, leaks: [] });
    if (attempt.namesFabrikamObject)
      expect({ attempt: sent, status: response.status >= 400 }).toEqual({ attempt: sent, status: true });
    expect({ attempt: sent, status: response.status }).not.toEqual({ attempt: sent, status: 500 });
  }
}

describe("tenant isolation sweep", () => {
  it("has fabrikam data to leak", () => {
    expect(fabrikam.objectIds.length).toBeGreaterThanOrEqual(3);
    expect(fabrikamBefore.size).toBeGreaterThan(0);
  });

  describe.each(endpoints.map((e) => [label(e), e] as const))("%s", (_, e) => {
    it("refuses contoso's tokens presented for fabrikam (403)", async () => {
      const intruder: SignedIn = cast.contosoOwner;
      const response = await api(
        stack,
        { ...intruder.headers, "X-TT-Org": "fabrikam" },
        e.method,
        pathOf(e, placeholderParams(e)),
        hasJsonBody(e) ? sampleBody(e.name) : undefined,
      );
      expect(response.status).toBe(403);
      expect(leaks(JSON.stringify(response.body), "fabrikam")).toEqual([]);
    });

    it("never shows contoso's Administrator anything of fabrikam's, even when asked by id", async () => {
      await expectNothingOfFabrikam(e, cast.contosoOwner.headers);
    });
  });

  describe("REST API", () => {
    beforeAll(async () => {
      // The REST API looks users up with the org's service account; the sweep above may have
      // removed contoso's (its Administrator may), so it is saved again here, as a PCA would.
      const pat = (await (
        await fetch(`${stack.devops.url}/_dev/pats`, {
          method: "POST",
          body: JSON.stringify({ org: "contoso", user: cast.contosoOwner.user.email }),
        })
      ).json()) as { token: string };
      expect((await api(stack, cast.contosoOwner, "POST", "users/service-account", { pat: pat.token })).status).toBe(
        200,
      );
      const token = await api<{ secret: string }>(stack, cast.contosoOwner, "POST", "tokens", {
        name: "Isolation sweep",
      });
      contosoRest = { Authorization: `Bearer ${token.body.secret}` };
    });

    describe.each(restEndpoints.map((e) => [label(e), e] as const))("%s", (_, e) => {
      it("never shows a contoso API token anything of fabrikam's, even when asked by id", async () => {
        await expectNothingOfFabrikam(e, contosoRest);
      });
    });
  });

  it("left every fabrikam document untouched", async () => {
    expect(storeChanges(fabrikamBefore, await storeSnapshot(cast.owner.org.id))).toEqual([]);
  });
});
