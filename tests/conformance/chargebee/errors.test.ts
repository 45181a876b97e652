import Chargebee from "chargebee";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as standinErrors from "../../../dev/chargebee/errors";
import { startChargebeeStandin, type ChargebeeStandin } from "../../../dev/chargebee/index";
import { completeCheckout } from "../../../dev/chargebee/test-drivers";
import { DOCUMENTED_ERRORS, errorProblems } from "./error-contract";

/**
 * Every error the Chargebee stand-in answers has a status, type, code and fields that
 * Chargebee's OpenAPI specification declares for that status (error-contract.ts): the
 * stand-in's error builders one by one, the faults it injects, and the answers to real
 * requests on the wire.
 */
let standin: ChargebeeStandin;
let chargebee: Chargebee;
let subscriptionId: string;

beforeAll(async () => {
  standin = await startChargebeeStandin({ port: 0, scheduledJobsIntervalMs: 0 });
  chargebee = new Chargebee(standin.clientConfig);
  const { hosted_page } = await chargebee.hostedPage.checkoutNewForItems({
    subscription_items: [{ item_price_id: "team-USD-monthly", quantity: 5 }],
    customer: { id: "org-errors" },
  });
  await completeCheckout(hosted_page.url ?? "");
  subscriptionId = (await chargebee.hostedPage.retrieve(hosted_page.id ?? "")).hosted_page.content.subscription.id;
});
afterAll(async () => {
  await standin?.stop();
});

const auth = (key: string) => ({ Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` });

/** A raw request, so the body is exactly what the stand-in sent. */
async function send(method: string, path: string, options: { form?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${standin.url}/api/v2${path}`, {
    method,
    headers: {
      ...auth(standin.apiKey),
      ...(options.form === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded" }),
      ...options.headers,
    },
    ...(options.form === undefined ? {} : { body: options.form }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("Chargebee stand-in errors, against Chargebee's documented errors", () => {
  it("builds every kind of error it answers as Chargebee documents it", () => {
    const built = {
      paramRequired: standinErrors.paramRequired("customer[email]"),
      paramWrongValue: standinErrors.paramWrongValue("billing_address[country]", "invalid"),
      duplicateEntry: standinErrors.duplicateEntry("id", "org-1"),
      resourceNotFound: standinErrors.resourceNotFound("Subscription", "nope", "subscription_id"),
      invalidState: standinErrors.invalidState("Subscription x is already cancelled."),
      unableToProcess: standinErrors.unableToProcess("The idempotency key k was already used."),
      authenticationFailed: standinErrors.authenticationFailed("Sorry, authentication failed."),
      urlNotFound: standinErrors.urlNotFound("/api/v2/nowhere"),
      methodNotSupported: standinErrors.methodNotSupported("DELETE"),
      notModelled: standinErrors.notModelled("end_of_term", "Scheduling a change for later"),
    };
    const builders = Object.entries(standinErrors)
      .filter(([name, value]) => typeof value === "function" && name !== "ApiError" && name !== "faultBody")
      .map(([name]) => name);
    expect(Object.keys(built).sort()).toEqual(builders.sort());
    const problems = Object.entries(built).flatMap(([name, error]) =>
      errorProblems(error.status, { ...error.body }).map((p) => `${name}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("injects faults only with documented statuses, with a documented type and code", async () => {
    const statuses = Object.keys(DOCUMENTED_ERRORS).map(Number);
    expect([...standinErrors.FAULT_STATUSES].sort()).toEqual(statuses.sort());
    const problems: string[] = [];
    for (const status of statuses) {
      standin.failNext({ status });
      const answer = await send("GET", "/item_prices");
      problems.push(...errorProblems(answer.status, answer.body).map((p) => `fault ${status}: ${p}`));
    }
    expect(problems).toEqual([]);
    for (const status of [402, 502, 504])
      expect(() => standin.failNext({ status })).toThrow(/Chargebee answers API errors with/);
  });

  it("answers real requests with documented errors", async () => {
    const cancelled = await chargebee.subscription.cancelForItems(subscriptionId, { end_of_term: false });
    expect(cancelled.subscription.status).toBe("cancelled");
    const key = { "chargebee-idempotency-key": "errors-key" };
    await send("POST", "/customers", { form: "id=org-errors-2", headers: key });
    const answers = {
      "no authorization": await send("GET", "/item_prices", { headers: { Authorization: "" } }),
      "wrong api key": await send("GET", "/item_prices", { headers: auth("live_wrong") }),
      "unknown url": await send("GET", "/nowhere"),
      "wrong method": await send("DELETE", "/item_prices"),
      "unknown subscription": await send("GET", "/subscriptions/nope"),
      "missing parameter": await send("POST", `/customers/org-errors/subscription_for_items`, { form: "" }),
      "wrong value": await send("POST", "/customers/org-errors/update_billing_info", {
        form: "billing_address[country]=USA",
      }),
      "duplicate id": await send("POST", "/customers", { form: "id=org-errors" }),
      "not modelled": await send("POST", `/subscriptions/${subscriptionId}/cancel_for_items`, {
        form: "cancel_option=specific_date",
      }),
      "invalid state": await send("POST", `/subscriptions/${subscriptionId}/cancel_for_items`, {
        form: "end_of_term=false",
      }),
      "idempotency key reused": await send("POST", "/customers", { form: "id=org-errors-3", headers: key }),
      "form body expected": await send("POST", "/customers", {
        form: '{"id":"org-json"}',
        headers: { "Content-Type": "application/json" },
      }),
    };
    expect(
      Object.fromEntries(
        Object.entries(answers).map(([what, answer]) => [what, [answer.status, answer.body.api_error_code]]),
      ),
    ).toEqual({
      "no authorization": [401, "api_authentication_failed"],
      "wrong api key": [401, "api_authentication_failed"],
      "unknown url": [404, "resource_not_found"],
      "wrong method": [405, "http_method_not_supported"],
      "unknown subscription": [404, "resource_not_found"],
      "missing parameter": [400, "param_wrong_value"],
      "wrong value": [400, "param_wrong_value"],
      "duplicate id": [400, "duplicate_entry"],
      "not modelled": [400, "param_wrong_value"],
      "invalid state": [409, "invalid_state_for_request"],
      "idempotency key reused": [422, "unable_to_process_request"],
      "form body expected": [400, "param_wrong_value"],
    });
    const problems = Object.entries(answers).flatMap(([what, answer]) =>
      errorProblems(answer.status, answer.body).map((p) => `${what}: ${p}`),
    );
    expect(problems).toEqual([]);
  });
});
