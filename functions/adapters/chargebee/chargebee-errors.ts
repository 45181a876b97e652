import {
  ConflictError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
  ValidationError,
  type DomainError,
} from "../../domain/errors";

/**
 * The Chargebee client throws its API error envelope as a plain object (not an Error):
 * `{ message, type, api_error_code, http_status_code, headers }`, with the statuses, types
 * and codes of Chargebee's OpenAPI specification (400, 401, 403, 404, 405, 409, 422, 429,
 * 500, 503; payment failures are 400 with `type: "payment"`); a client-side timeout
 * arrives as the same shape with `type: "timeout"`; a connection failure as a fetch TypeError.
 */
interface ChargebeeErrorShape {
  message?: unknown;
  type?: unknown;
  api_error_code?: unknown;
  http_status_code?: unknown;
  headers?: unknown;
}

function shapeOf(error: unknown): ChargebeeErrorShape | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as ChargebeeErrorShape;
  return typeof e.http_status_code === "number" || typeof e.api_error_code === "string" ? e : undefined;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

function retryAfterSeconds(headers: unknown): number {
  const raw =
    typeof headers === "object" && headers !== null ? (headers as Record<string, unknown>)["retry-after"] : undefined;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 30;
}

/**
 * Turns a Chargebee failure into a domain error whose message tells the buyer what happened
 * and that our side did not change. `what` completes "while …" ("changing the subscription").
 */
export function toDomainError(error: unknown, what: string): DomainError {
  const shape = shapeOf(error);
  if (!shape) {
    return new UpstreamError(
      `Chargebee could not be reached while ${what}. Nothing was changed; please try again in a minute.`,
    );
  }
  const status = typeof shape.http_status_code === "number" ? shape.http_status_code : 0;
  const code = text(shape.api_error_code);
  const message = text(shape.message) || code || `HTTP ${status}`;
  const details = { provider: "chargebee", status, code };

  if (text(shape.type) === "timeout") {
    return new UpstreamError(
      `Chargebee did not answer in time while ${what}. Please try again; a retry is never charged twice.`,
      details,
    );
  }
  if (text(shape.type) === "payment" || code.startsWith("payment_")) {
    return new ConflictError(
      `The payment was declined while ${what}: ${message} Nothing was changed. Check the card under Billing › Adjust Payment Details and try again.`,
      details,
    );
  }
  if (status === 429) {
    return new RateLimitedError(
      `Chargebee is busy right now (${what}). Nothing was changed; please try again shortly.`,
      retryAfterSeconds(shape.headers),
    );
  }
  if (status === 401 || status === 403 || code === "site_not_found") {
    return new UpstreamError(
      `Billing is not set up correctly: Chargebee did not accept our site or credentials while ${what}. Nothing was changed.`,
      details,
    );
  }
  if (status >= 500 || status === 0) {
    return new UpstreamError(
      `Chargebee failed while ${what} (${status || "no status"}: ${message}). Nothing was changed; please try again in a minute.`,
      details,
    );
  }
  if (status === 422 || code === "unable_to_process_request") {
    // Documented for an idempotency key reused with other parameters: our key is the page's request id.
    return new ConflictError(
      `Chargebee refused ${what}: this confirmation was already used for a different request. Nothing was changed; please reload the page and confirm again.`,
      details,
    );
  }
  if (status === 404) return new NotFoundError(`Chargebee could not find it while ${what}: ${message}`, details);
  if (status === 409 || code === "invalid_state_for_request")
    return new ConflictError(`Chargebee refused ${what}: ${message}`, details);
  return new ValidationError(`Chargebee refused ${what}: ${message}`, details);
}

/** Runs one Chargebee call and maps its failure. */
export async function chargebeeCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toDomainError(error, what);
  }
}
