import type { HttpResponseInit } from "@azure/functions";
import { randomUUID } from "node:crypto";
import { DomainError, RateLimitedError, UpstreamThrottledError, type ErrorCode } from "../domain/errors";

const STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation: 400,
  seat_limit: 409,
  precondition_failed: 412,
  rate_limited: 429,
  upstream: 502,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorResponse(status: number, code: string, message: string, details?: unknown): HttpResponseInit {
  const body: ErrorBody = { error: { code, message, ...(details !== undefined ? { details } : {}) } };
  return { status, jsonBody: body };
}

/** The single place where failures become HTTP responses. Unknown errors never leak a stack. */
export function toErrorResponse(error: unknown, log: (message: string) => void): HttpResponseInit {
  if (error instanceof DomainError) {
    const response = errorResponse(STATUS[error.code], error.code, error.message, error.details);
    if (error instanceof RateLimitedError || error instanceof UpstreamThrottledError)
      response.headers = { "Retry-After": String(error.retryAfterSeconds) };
    return response;
  }
  const reference = randomUUID();
  log(`Unhandled error (ref ${reference}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return errorResponse(
    500,
    "internal",
    `Something went wrong on our side. Please try again; if it keeps happening, report reference ${reference}.`,
  );
}
