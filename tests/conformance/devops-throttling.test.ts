import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { DevopsOrgDirectory } from "../../functions/adapters/devops/org-directory";
import { waitAskedMs } from "../../functions/adapters/devops/throttling";
import { DevopsWorkItemDirectory } from "../../functions/adapters/devops/work-items";
import { UpstreamError, UpstreamThrottledError } from "../../functions/domain/errors";
import { toErrorResponse } from "../../functions/http/error-response";
import { recordedBody } from "./support/spec-files";
import { RecordingServer, type Answer } from "./support/recording-server";
import { WIT_LOCATIONS } from "./support/wit-locations";

// Azure DevOps throttles with 429 and Retry-After (plus X-RateLimit-* headers). Every call
// must wait as asked within its budget, then fail with a clear 503: never hang, never 500.

const server = await new RecordingServer().start();
afterAll(() => server.stop());

const PAT = { kind: "pat", pat: "service-account-pat" } as const;
const byEmail = recordedBody("ims", "Identities/SearchIdentityByEmail.json");
const throttled = (retryAfter: string): Answer => ({
  status: 429,
  headers: { "Retry-After": retryAfter, "X-RateLimit-Resource": "Core", "X-RateLimit-Remaining": "0" },
  body: { message: "TF400733: The request has been throttled." },
});

/** Answers the identity search with `script[i]` for the i-th request (the last one from then on). */
function scripted(script: Answer[]): () => number {
  let calls = 0;
  server.answer(({ pathname }) => {
    if (!pathname.endsWith("/_apis/identities")) return undefined;
    return script[Math.min(calls++, script.length - 1)];
  });
  return () => calls;
}

describe("throttling (429 + Retry-After)", () => {
  it("waits as long as Azure DevOps asks, then answers", async () => {
    const calls = scripted([throttled("1"), { body: byEmail }]);
    const directory = new DevopsOrgDirectory({ ...server.devopsOptions, throttleBudgetMs: 10_000 });
    const started = Date.now();
    const user = await directory.userByEmail("fabrikam", PAT, "jtseng@vscsi.us");
    expect(user?.displayName).toBe("Jia-hao Tseng");
    expect(calls()).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("reads Retry-After even when the 429 comes with an HTML page instead of JSON", async () => {
    // 2 s, not the 1 s used when no Retry-After can be read.
    const page: Answer = {
      status: 429,
      headers: { "Retry-After": "2", "Content-Type": "text/html" },
      raw: "<html><body>Too many requests</body></html>",
    };
    const calls = scripted([page, { body: byEmail }]);
    const directory = new DevopsOrgDirectory({ ...server.devopsOptions, throttleBudgetMs: 10_000 });
    const started = Date.now();
    expect((await directory.userByEmail("fabrikam", PAT, "jtseng@vscsi.us"))?.email).toBe("jtseng@vscsi.us");
    expect(calls()).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_950);
  });

  it("gives up when the budget is spent: a 503 with Retry-After, not a hang and not a 500", async () => {
    const calls = scripted([throttled("1")]);
    const directory = new DevopsOrgDirectory({ ...server.devopsOptions, throttleBudgetMs: 2_500 });
    const failure = await directory.userByEmail("fabrikam", PAT, "jtseng@vscsi.us").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UpstreamThrottledError);
    expect(calls()).toBe(3); // at 0 s, 1 s and 2 s; a third wait would end past 2.5 s
    const response = toErrorResponse(failure, () => {});
    expect(response.status).toBe(503);
    expect(response.headers).toEqual({ "Retry-After": "1" });
    expect((response.jsonBody as { error: { message: string } }).error.message).toMatch(
      /Azure DevOps is limiting requests.*try again in 1 second/,
    );
  });

  it("does not wait at all when Azure DevOps asks for longer than the budget", async () => {
    const calls = scripted([throttled("120")]);
    const directory = new DevopsOrgDirectory({ ...server.devopsOptions, throttleBudgetMs: 30_000 });
    const failure = await directory.userByEmail("fabrikam", PAT, "jtseng@vscsi.us").catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "unavailable", retryAfterSeconds: 120 });
    expect(calls()).toBe(1);
  });

  it("shares one budget across the calls of a group read", async () => {
    // Every request is throttled once (1 s) before it is answered: the two calls (the group
    // expanded down, then the lookup of its members) would each fit a 1.5 s budget of their
    // own, but not one shared budget.
    const seen = new Set<string>();
    const [user, group] = recordedBody<{ value: Array<{ id: string }> }>("ims", "Identities/SearchByIds.json").value;
    server.answer(({ method, url, pathname, query }) => {
      const key = method + url;
      if (!seen.has(key)) {
        seen.add(key);
        return throttled("1");
      }
      if (!pathname.endsWith("/_apis/identities")) return undefined;
      if (query.get("queryMembership") === "ExpandedDown")
        return { body: { count: 1, value: [{ ...group, memberIds: [user.id] }] } };
      return { body: { count: 1, value: [user] } };
    });
    const directory = new DevopsOrgDirectory({ ...server.devopsOptions, throttleBudgetMs: 1_500 });
    const started = Date.now();
    const failure = await directory.groupMembers("fabrikam", PAT, "vssgp.cm9vdA").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UpstreamThrottledError);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("holds for the typed work item client too", async () => {
    let calls = 0;
    server.answer(({ method, pathname }) => {
      if (method === "OPTIONS") return { body: WIT_LOCATIONS };
      if (!/\/workItems\/12$/i.test(pathname)) return undefined;
      return calls++ === 0 ? throttled("1") : { body: recordedBody("wit", "workItems/GET__wit_WorkItems_id.json") };
    });
    const workItems = new DevopsWorkItemDirectory({ ...server.devopsOptions, throttleBudgetMs: 10_000 });
    expect((await workItems.find("fabrikam", "access-token", 12))?.id).toBe(12);
    expect(calls).toBe(2);
  });

  it("a request that never answers ends with the request timeout (502), not a hang", async () => {
    // A server that accepts the request and never answers.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    const directory = new DevopsOrgDirectory({
      ...server.devopsOptions,
      vsspsUrl: `http://127.0.0.1:${port}/{org}`,
      requestTimeoutMs: 300,
    });
    const failure = await directory.userByEmail("fabrikam", PAT, "x@y.z").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UpstreamError);
    expect((failure as Error).message).toMatch(/did not answer in time/);
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it("reads Retry-After as seconds or an HTTP date, else X-RateLimit-Reset", () => {
    const now = Date.parse("2026-12-03T08:00:00Z");
    expect(waitAskedMs({ statusCode: 429, responseHeaders: { "retry-after": "7" } }, now)).toBe(7_000);
    expect(
      waitAskedMs({ statusCode: 429, responseHeaders: { "retry-after": "Thu, 03 Dec 2026 08:00:05 GMT" } }, now),
    ).toBe(5_000);
    expect(
      waitAskedMs({ statusCode: 429, responseHeaders: { "x-ratelimit-reset": String(now / 1000 + 3) } }, now),
    ).toBe(3_000);
  });
});
