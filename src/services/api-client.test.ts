import { describe, expect, it } from "vitest";
import { createApiClient, type ApiClient } from "./api-client";
import { ApiError, HTTP_ERROR, INVALID_RESPONSE, NETWORK_ERROR, seatRefusalUrl } from "./api-error";
import { fakeJwt } from "./test-support/fake-jwt";
import { createTokenCache } from "./token-cache";

interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

type Answer = Response | (() => never);

/** A fetch that records requests and plays back the given answers in order. */
function fakeBackend(...answers: Answer[]) {
  const seen: SeenRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    seen.push({
      url: typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
      method: init?.method ?? "GET",
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === "string" ? init.body : undefined,
    });
    const answer = answers.shift();
    if (!answer) throw new Error("test sent more requests than expected");
    return typeof answer === "function" ? answer() : answer;
  };
  return { fetch, seen };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function clientWith(fetch: typeof globalThis.fetch): { client: ApiClient; issued: { app: number } } {
  const issued = { app: 0 };
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const tokens = createTokenCache({
    fetchAppToken: async () => fakeJwt({ n: ++issued.app, exp }),
    fetchAccessToken: async () => fakeJwt({ kind: "access", exp }),
  });
  const client = createApiClient({
    baseUrl: "http://127.0.0.1:7071/",
    tokens,
    identity: () => ({ org: "fabrikam", hostType: "cloud" }),
    fetch,
  });
  return { client, issued };
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe("api client", () => {
  it("calls /api/<path> with the identity headers, query and JSON body", async () => {
    const backend = fakeBackend(json(200, { ok: true }));
    const { client } = clientWith(backend.fetch);

    const result = await client.post<{ ok: boolean }>(
      "/worklogs",
      { minutes: 30 },
      { query: { date: "2026-01-05", skip: undefined } },
    );

    expect(result).toEqual({ ok: true });
    const [request] = backend.seen;
    expect(request.url).toBe("http://127.0.0.1:7071/api/worklogs?date=2026-01-05");
    expect(request.method).toBe("POST");
    expect(request.headers.Authorization).toMatch(/^Bearer ey/);
    expect(request.headers["X-TT-Access-Token"]).toMatch(/^ey/);
    expect(request.headers["X-TT-Org"]).toBe("fabrikam");
    expect(request.headers["X-TT-Host-Type"]).toBe("cloud");
    expect(request.headers["Content-Type"]).toBe("application/json");
    expect(JSON.parse(request.body ?? "")).toEqual({ minutes: 30 });
  });

  it("turns the backend's error body into an ApiError with status, code and message", async () => {
    const backend = fakeBackend(json(409, { error: { code: "SeatLimit", message: "All 5 seats are taken." } }));
    const { client } = clientWith(backend.fetch);

    const error = await caught(client.patch("members/u1", { role: "Team" }));

    expect(error).toMatchObject({ status: 409, code: "SeatLimit", message: "All 5 seats are taken." });
  });

  it("keeps a seat refusal's details, so the page opens the Subscription page for the users it needs", async () => {
    const subscriptionUrl = "https://dev.azure.com/fabrikam/_settings/x.timetracker-subscription-hub?users=8";
    const details = { free: 2, needed: 5, usersNeeded: 8, subscriptionUrl };
    const backend = fakeBackend(
      json(409, { error: { code: "seat_limit", message: "Not enough seats", details } }),
      json(409, { error: { code: "conflict", message: "Changed", details } }),
    );
    const { client } = clientWith(backend.fetch);

    const refusal = await caught(client.post("users/roles", {}));
    expect(refusal.details).toEqual(details);
    expect(seatRefusalUrl(refusal)).toBe(subscriptionUrl);
    expect(seatRefusalUrl(await caught(client.post("users/roles", {})))).toBeNull();
  });

  it("reports an error answer without the contract body by its HTTP status", async () => {
    const backend = fakeBackend(new Response("<html>Bad Gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    const { client } = clientWith(backend.fetch);

    const error = await caught(client.get("me"));

    expect(error).toMatchObject({
      status: 502,
      code: HTTP_ERROR,
      message: "The Timetracker service answered 502 Bad Gateway.",
    });
  });

  it("reports an unreachable backend as a network error with status 0", async () => {
    const backend = fakeBackend(() => {
      throw new TypeError("Failed to fetch");
    });
    const { client } = clientWith(backend.fetch);

    const error = await caught(client.get("me"));

    expect(error).toMatchObject({ status: 0, code: NETWORK_ERROR });
    expect(error.message).toContain("http://127.0.0.1:7071");
  });

  it("refreshes the tokens and retries once after a 401", async () => {
    const backend = fakeBackend(
      json(401, { error: { code: "Unauthorized", message: "Token expired." } }),
      json(200, { id: "u1" }),
    );
    const { client, issued } = clientWith(backend.fetch);

    await expect(client.get("me")).resolves.toEqual({ id: "u1" });

    expect(backend.seen).toHaveLength(2);
    expect(issued.app).toBe(2);
    expect(backend.seen[1].headers.Authorization).not.toBe(backend.seen[0].headers.Authorization);
  });

  it("gives up with the 401 when the retry is rejected too", async () => {
    const rejected = () => json(401, { error: { code: "Unauthorized", message: "Not signed in." } });
    const backend = fakeBackend(rejected(), rejected());
    const { client } = clientWith(backend.fetch);

    const error = await caught(client.delete("tokens/t1"));

    expect(error).toMatchObject({ status: 401, code: "Unauthorized", message: "Not signed in." });
    expect(backend.seen).toHaveLength(2);
  });

  it("returns undefined for an empty success answer and rejects a success answer that is not JSON", async () => {
    const backend = fakeBackend(new Response(null, { status: 204 }), new Response("hello", { status: 200 }));
    const { client } = clientWith(backend.fetch);

    await expect(client.delete("tokens/t1")).resolves.toBeUndefined();
    const error = await caught(client.get("me"));
    expect(error).toMatchObject({ status: 200, code: INVALID_RESPONSE });
  });

  it("hands the body to the caller's parser", async () => {
    const backend = fakeBackend(json(200, { minutes: "thirty" }));
    const { client } = clientWith(backend.fetch);
    const parse = (body: unknown) => {
      const minutes = (body as { minutes: unknown }).minutes;
      if (typeof minutes !== "number") throw new Error("minutes must be a number");
      return minutes;
    };

    await expect(client.get("totals", { parse })).rejects.toThrow("minutes must be a number");
  });
});
