import type { BulkOperationResult, Container, OperationInput } from "@azure/cosmos";
import { storeCall } from "./cosmos-errors";

/** Status of one bulk operation; a thrown-away operation (error without response) counts as 500. */
export function bulkStatus(result: BulkOperationResult): number {
  if (result.response) return result.response.statusCode;
  const code = result.error?.code;
  return typeof code === "number" ? code : 500;
}

/**
 * Runs bulk operations (the SDK groups them into batch requests of up to 100 per partition)
 * and returns one result per operation, in order.
 */
export function executeBulk(what: string, container: Container, operations: OperationInput[]): Promise<BulkOperationResult[]> {
  if (operations.length === 0) return Promise.resolve([]);
  return storeCall(what, () => container.items.executeBulkOperations(operations));
}

/** Bulk writes that must all succeed (audit entries); the first failure is thrown. */
export async function bulkOrThrow(what: string, container: Container, operations: OperationInput[]): Promise<void> {
  const results = await executeBulk(what, container, operations);
  const failed = results.find((r) => bulkStatus(r) >= 400);
  if (failed) {
    const error = Object.assign(new Error(`${what}: the store answered ${bulkStatus(failed)}.`), { statusCode: bulkStatus(failed) });
    await storeCall(what, () => Promise.reject(error));
  }
}
