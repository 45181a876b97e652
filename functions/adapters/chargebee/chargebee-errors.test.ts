import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, RateLimitedError, UpstreamError, ValidationError } from "../../domain/errors";
import { toDomainError } from "./chargebee-errors";

// Bodies as Chargebee's OpenAPI specification documents them per status (message, type, api_error_code).
const api = (status: number, extra: Record<string, unknown> = {}) => ({
  message: "Something specific",
  type: "invalid_request",
  api_error_code: "invalid_request",
  http_status_code: status,
  headers: {},
  ...extra,
});

describe("Chargebee errors as the buyer reads them", () => {
  it("explains a declined card and that nothing changed", () => {
    const error = toDomainError(
      api(400, { type: "payment", api_error_code: "payment_processing_failed", message: "Card declined." }),
      "changing the subscription",
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      "The payment was declined while changing the subscription: Card declined. Nothing was changed. Check the card under Billing › Adjust Payment Details and try again.",
    );
  });

  it("maps outages, timeouts and unreachable Chargebee to 502 with a retry hint", () => {
    expect(toDomainError(api(500), "cancelling the subscription")).toBeInstanceOf(UpstreamError);
    const timeout = toDomainError(
      {
        message: "io_error",
        type: "timeout",
        http_status_code: 504,
        api_error_code: "request aborted due to timeout.",
      },
      "changing the subscription",
    );
    expect(timeout).toBeInstanceOf(UpstreamError);
    expect(timeout.message).toMatch(/did not answer in time.*never charged twice/);
    expect(toDomainError(new TypeError("fetch failed"), "opening the checkout").message).toMatch(
      /could not be reached while opening the checkout/,
    );
  });

  it("maps refusals to 4xx", () => {
    expect(toDomainError(api(400), "updating the contact")).toBeInstanceOf(ValidationError);
    expect(toDomainError(api(404, { api_error_code: "resource_not_found" }), "reading the document")).toBeInstanceOf(
      NotFoundError,
    );
    expect(toDomainError(api(409, { api_error_code: "invalid_state_for_request" }), "x")).toBeInstanceOf(ConflictError);
    const limited = toDomainError(
      api(429, {
        type: "operation_failed",
        api_error_code: "api_request_limit_exceeded",
        headers: { "retry-after": "7" },
      }),
      "x",
    );
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBe(7);
  });

  it("tells the buyer a confirmation was reused for another change (Chargebee's 422 for a reused idempotency key)", () => {
    const reused = toDomainError(
      api(422, {
        api_error_code: "unable_to_process_request",
        message: "The idempotency key k was already used for a request with different parameters.",
      }),
      "changing the subscription",
    );
    expect(reused).toBeInstanceOf(ConflictError);
    expect(reused.message).toBe(
      "Chargebee refused changing the subscription: this confirmation was already used for a different request. Nothing was changed; please reload the page and confirm again.",
    );
  });

  it("reads every documented authentication, authorisation and site failure as our setup, not the buyer's input", () => {
    for (const [status, type, code] of [
      [401, "untyped", "api_authentication_failed"],
      [401, "untyped", "basic_authentication_failed"],
      [403, "untyped", "api_authorization_failed"],
      [403, "operation_failed", "request_blocked"],
      [404, "untyped", "site_not_found"],
    ] as const) {
      const error = toDomainError(api(status, { type, api_error_code: code }), "reading the plan");
      expect({ code, kind: error.constructor.name }).toEqual({ code, kind: "UpstreamError" });
      expect(error.message).toMatch(/^Billing is not set up correctly/);
    }
  });

  it("maps Chargebee's documented temporary failures to a retry", () => {
    expect(
      toDomainError(api(503, { type: "operation_failed", api_error_code: "site_read_only_mode" }), "x"),
    ).toBeInstanceOf(UpstreamError);
    expect(toDomainError(api(429, { type: "operation_failed", api_error_code: "lock_timeout" }), "x")).toBeInstanceOf(
      RateLimitedError,
    );
  });
});
