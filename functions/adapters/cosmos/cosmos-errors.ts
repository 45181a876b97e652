import { ConflictError, NotFoundError, PreconditionFailedError, UnavailableError } from "../../domain/errors";

interface CosmosLikeError {
  code?: number | string;
  statusCode?: number;
  message?: string;
}

function statusOf(error: unknown): number | string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as CosmosLikeError;
  return e.statusCode ?? e.code;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EPIPE",
  "UND_ERR_SOCKET",
]);

/** Cosmos errors that mean "the store is not there" rather than "your request was wrong". */
export function isStoreUnavailable(error: unknown): boolean {
  const status = statusOf(error);
  if (typeof status === "string" && NETWORK_CODES.has(status)) return true;
  if (status === 503 || status === 408) return true;
  // Bulk operations report a dropped connection only in the message text.
  const message = (error as { message?: unknown })?.message;
  if (typeof message === "string" && /socket hang up|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE/.test(message))
    return true;
  const cause = (error as { cause?: unknown })?.cause;
  if (cause && cause !== error) return isStoreUnavailable(cause);
  const name = (error as { name?: string })?.name;
  return name === "TimeoutError" || (name === "AbortError" && status === undefined);
}

/** Runs a store call and turns Cosmos' status codes into domain errors. */
export async function storeCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const status = statusOf(error);
    if (status === 409) throw new ConflictError(`${what}: it exists already.`);
    if (status === 412)
      throw new PreconditionFailedError(
        `${what}: it was changed by someone else in the meantime. Reload and try again.`,
      );
    if (status === 404) throw new NotFoundError(`${what}: not found.`);
    if (isStoreUnavailable(error))
      throw new UnavailableError("The Timetracker database is not reachable right now. Please try again in a minute.");
    throw error;
  }
}
