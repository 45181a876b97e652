/**
 * A failed backend call, as the UI shows it. `code` is the backend's error code
 * (`{ error: { code, message } }`) or one of the client-side codes below.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The backend's `error.details`, when it sent any (a seat refusal's free seats and Subscription page link). */
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The Subscription page address a seat refusal links to (with the users it needs filled in), if it sent one. */
export function seatRefusalUrl(error: ApiError): string | null {
  const details = error.details;
  if (error.code !== "seat_limit" || typeof details !== "object" || details === null) return null;
  const url = "subscriptionUrl" in details ? details.subscriptionUrl : undefined;
  return typeof url === "string" ? url : null;
}

/** What the backend said about one field of a refused request body (its validation issues), if it named it. */
export function fieldIssue(error: ApiError, field: string): string | null {
  const details = error.details;
  if (error.code !== "validation" || typeof details !== "object" || details === null || !("issues" in details))
    return null;
  const issues = Array.isArray(details.issues) ? (details.issues as unknown[]) : [];
  for (const issue of issues)
    if (typeof issue === "object" && issue !== null && "path" in issue && issue.path === field && "message" in issue)
      return String(issue.message);
  return null;
}

/** The request never got an HTTP answer (backend down, CORS, offline). Status 0. */
export const NETWORK_ERROR = "NetworkError";
/** An error status whose body was not the `{ error: { code, message } }` contract. */
export const HTTP_ERROR = "HttpError";
/** A success status whose body was not JSON. */
export const INVALID_RESPONSE = "InvalidResponse";

/** Builds the ApiError for a non-2xx answer from its status and (maybe JSON) body text. */
export function errorFromResponse(status: number, statusText: string, bodyText: string): ApiError {
  const contractError = readContractError(bodyText);
  if (contractError) return new ApiError(status, contractError.code, contractError.message, contractError.details);
  const reason = statusText ? `${status} ${statusText}` : String(status);
  return new ApiError(status, HTTP_ERROR, `The Timetracker service answered ${reason}.`);
}

function readContractError(bodyText: string): { code: string; message: string; details: unknown } | undefined {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  if (typeof body !== "object" || body === null || !("error" in body)) return undefined;
  const error = body.error;
  if (typeof error !== "object" || error === null) return undefined;
  const code = "code" in error ? error.code : undefined;
  const message = "message" in error ? error.message : undefined;
  if (typeof code !== "string" || typeof message !== "string") return undefined;
  return { code, message, details: "details" in error ? error.details : undefined };
}
