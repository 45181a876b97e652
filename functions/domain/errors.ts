/**
 * Typed failures of the domain. Handlers throw these; exactly one place
 * (functions/http/error-response.ts) turns them into HTTP responses.
 */
export type ErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "validation"
  | "seat_limit"
  | "precondition_failed"
  | "rate_limited"
  | "upstream"
  | "unavailable";

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthorizedError extends DomainError {
  readonly code = "unauthorized";
}
export class ForbiddenError extends DomainError {
  readonly code = "forbidden";
}
export class NotFoundError extends DomainError {
  readonly code = "not_found";
}
export class ConflictError extends DomainError {
  readonly code = "conflict";
}
export class ValidationError extends DomainError {
  readonly code = "validation";
}
/** The store's copy changed since the caller read it (etag mismatch). */
export class PreconditionFailedError extends DomainError {
  readonly code = "precondition_failed";
}
export class SeatLimitError extends DomainError {
  readonly code = "seat_limit";
}
export class RateLimitedError extends DomainError {
  readonly code = "rate_limited";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
/** A service we depend on (Azure DevOps, Chargebee) failed or answered something we cannot use. */
export class UpstreamError extends DomainError {
  readonly code = "upstream";
}
/** Our own store is not reachable. */
export class UnavailableError extends DomainError {
  readonly code = "unavailable";
}
/** A service we depend on throttles us (Azure DevOps' 429) for longer than we may wait: 503 with its Retry-After. */
export class UpstreamThrottledError extends DomainError {
  readonly code = "unavailable";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
