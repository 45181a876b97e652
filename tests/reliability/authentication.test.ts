import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendStack, type BackendStack } from "../../dev/stack";
import { api, signIn, type SignedIn } from "../integration/support/sign-in";
import { badCredentials, type BadCredential } from "./support/bad-tokens";
import { allEndpoints, hasJsonBody, label, pathOf, placeholderParams, type Endpoint } from "./support/endpoints";

// Routes anyone may call. A new public route must be added here on purpose.
const PUBLIC_ROUTES = new Set([
  "health",
  // The REST API's OpenAPI document: a description of the API, no data.
  "rest-openapi",
]);

const endpoints = allEndpoints();
let stack: BackendStack;
let credentials: BadCredential[];
let marcus: SignedIn;

beforeAll(async () => {
  stack = await startBackendStack({ ports: "random" });
  marcus = await signIn(stack, "fabrikam", "marcus.johnson@fabrikam.example");
  credentials = await badCredentials(marcus);
});
afterAll(async () => {
  await stack?.stop();
});

function call(e: Endpoint, headers: Record<string, string>) {
  return api<{ error?: { code: string; message: string } }>(
    stack,
    headers,
    e.method,
    pathOf(e, placeholderParams(e)),
    hasJsonBody(e) ? {} : undefined,
  );
}

describe("authentication sweep", () => {
  it("covers the registered routes, and only the listed ones are public", () => {
    expect(endpoints.map((e) => e.name)).toContain("me");
    expect(endpoints.filter((e) => e.auth === "public").map((e) => e.name)).toContain("health");
    expect(endpoints.filter((e) => e.auth === "public" && !PUBLIC_ROUTES.has(e.name)).map(label)).toEqual([]);
  });

  describe.each(endpoints.filter((e) => e.auth === "user").map((e) => [label(e), e] as const))("%s", (_, e) => {
    it("answers 401 to every missing or invalid app token", async () => {
      for (const bad of credentials) {
        const response = await call(e, bad.headers);
        expect({ with: bad.what, status: response.status, code: response.body?.error?.code }).toEqual({
          with: bad.what,
          status: 401,
          code: "unauthorized",
        });
      }
    });
  });

  describe.each(endpoints.filter((e) => e.auth === "custom").map((e) => [label(e), e] as const))("%s", (_, e) => {
    it("answers 401 without a credential", async () => {
      const response = await call(e, {});
      expect(response.status).toBe(401);
    });
    it("answers 401 to a page's app token (custom routes take their own credentials)", async () => {
      const response = await call(e, marcus.headers);
      expect(response.status).toBe(401);
    });
  });
});
