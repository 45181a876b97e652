import type { Container, JSONObject, OperationInput } from "@azure/cosmos";
import { chunk } from "../../domain/chunk";
import { mapLimited } from "../../domain/map-limited";
import { UnavailableError } from "../../domain/errors";
import { storeCall } from "./cosmos-errors";

/**
 * `items.bulk` rethrows a failed batch request as a plain Error and drops its cause, so a
 * network failure can only be recognised by its message.
 */
const LOST_CONNECTION =
  /^Bulk request errored with: .*(socket hang up|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|timed out|timeout|other side closed|network)/i;

async function bulkCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await storeCall(what, call);
  } catch (error) {
    if (error instanceof Error && LOST_CONNECTION.test(error.message)) {
      throw new UnavailableError("The Timetracker database is not reachable right now. Please try again in a minute.");
    }
    throw error;
  }
}

/** Cosmos accepts at most 100 operations per partition in one batch request. */
const BATCH = 100;
/** Batch requests in flight at once (measured: 8 is the knee on the emulator; Cosmos throttles with 429s it retries). */
const PARALLEL = 8;

export interface BulkResult {
  statusCode: number;
  eTag?: string;
  resourceBody?: JSONObject;
}

/**
 * Bulk operations, one result per operation in order. Sent as batch requests of 100 with
 * `container.items.bulk` (continue on error), 8 at a time. Not `executeBulkOperations`: it
 * holds every partial batch for a second before sending it, so a request touching one user
 * would wait a second per bulk call.
 */
export async function executeBulk(
  what: string,
  container: Container,
  operations: OperationInput[],
): Promise<BulkResult[]> {
  if (operations.length === 0) return [];
  const parts = await mapLimited(chunk(operations, BATCH), PARALLEL, (part) =>
    bulkCall(what, () => container.items.bulk(part, { continueOnError: true })),
  );
  return parts.flat().map((r) => ({
    statusCode: r.statusCode,
    ...(r.eTag ? { eTag: r.eTag } : {}),
    ...(r.resourceBody ? { resourceBody: r.resourceBody } : {}),
  }));
}

/** Bulk writes that must all succeed (audit entries); the first failure is thrown. */
export async function bulkOrThrow(what: string, container: Container, operations: OperationInput[]): Promise<void> {
  const results = await executeBulk(what, container, operations);
  const failed = results.find((r) => r.statusCode >= 400);
  if (failed) {
    const error = Object.assign(new Error(`${what}: the store answered ${failed.statusCode}.`), {
      statusCode: failed.statusCode,
    });
    await storeCall(what, () => Promise.reject(error));
  }
}
