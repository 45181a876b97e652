import { unableToProcess } from "./errors";

export interface StoredResponse {
  status: number;
  body: string;
}

interface Entry {
  /** The request's parameters, order-independent: a retry must send the same ones. */
  payload: string;
  response: Promise<StoredResponse>;
}

/**
 * `chargebee-idempotency-key`: the first request with a key on a path runs; later ones with
 * the same key, path and parameters get its stored response (marked
 * `chargebee-idempotency-replayed`), also while the first is still running. The same key
 * with other parameters is refused with 422 `unable_to_process_request`, which Chargebee's
 * OpenAPI specification documents for "a client attempts to reuse an idempotency key with a
 * different request payload". Server errors are not stored, so a retry after a 5xx runs again.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  async run(
    key: string,
    request: { method: string; path: string; body: string },
    execute: () => Promise<StoredResponse>,
  ): Promise<{ response: StoredResponse; replayed: boolean }> {
    const id = JSON.stringify([request.method, request.path, key]);
    const payload = canonicalPayload(request.body);
    const existing = this.entries.get(id);
    if (existing) {
      if (existing.payload !== payload) {
        const refused = unableToProcess(
          `The idempotency key ${key} was already used for a request with different parameters.`,
        );
        return { response: { status: refused.status, body: JSON.stringify(refused.body) }, replayed: false };
      }
      return { response: await existing.response, replayed: true };
    }
    const pending = execute();
    this.entries.set(id, { payload, response: pending });
    try {
      const response = await pending;
      if (response.status >= 500) this.entries.delete(id);
      return { response, replayed: false };
    } catch (error) {
      this.entries.delete(id);
      throw error;
    }
  }
}

/** Form parameters sorted by name, so the same parameters in another order count as the same request. */
function canonicalPayload(body: string): string {
  const pairs = [...new URLSearchParams(body)];
  pairs.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  return JSON.stringify(pairs);
}
