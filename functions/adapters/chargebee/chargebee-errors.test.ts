import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, RateLimitedError, UpstreamError, ValidationError } from "../../domain/errors";
import { toDomainError } from "./chargebee-errors";

const api = (status: number, extra: Record<string, unknown> = {}) => ({
  message: "Something specific",
  api_error_code: "invalid_request",
  http_status_code: status,
  headers: {},
  ...extra,
});

describe("Chargebee errors as the buyer reads them", () => {
  it("explains a declined card and that nothing changed", () => {
    const error = toDomainError(api(402, { type: "payment", api_error_code: "payment_processing_failed", message: "Card declined." }), "changing the subscription");
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      "The payment was declined while changing the subscription: Card declined. Nothing was changed. Check the card under Billing › Adjust Payment Details and try again.",
    );
  });

  it("maps outages, timeouts and unreachable Chargebee to 502 with a retry hint", () => {
    expect(toDomainError(api(500), "cancelling the subscription")).toBeInstanceOf(UpstreamError);
    const timeout = toDomainError({ message: "io_error", type: "timeout", http_status_code: 504, api_error_code: "request aborted due to timeout." }, "changing the subscription");
    expect(timeout).toBeInstanceOf(UpstreamError);
    expect(timeout.message).toMatch(/did not answer in time.*never charged twice/);
    expect(toDomainError(new TypeError("fetch failed"), "opening the checkout").message).toMatch(/could not be reached while opening the checkout/);
  });

  it("maps refusals to 4xx", () => {
    expect(toDomainError(api(400), "updating the contact")).toBeInstanceOf(ValidationError);
    expect(toDomainError(api(404, { api_error_code: "resource_not_found" }), "reading the document")).toBeInstanceOf(NotFoundError);
    expect(toDomainError(api(400, { api_error_code: "invalid_state_for_request" }), "x")).toBeInstanceOf(ConflictError);
    const limited = toDomainError(api(429, { headers: { "retry-after": "7" } }), "x");
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBe(7);
  });
});
