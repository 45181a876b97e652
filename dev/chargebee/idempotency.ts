export interface StoredResponse {
  status: number;
  body: string;
}

/**
 * `chargebee-idempotency-key`: the first request with a key on a path runs,
 * later ones with the same key and path get its stored response (marked
 * `chargebee-idempotency-replayed`), also while the first is still running.
 * Server errors are not stored, so a retry after a 5xx runs again.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Promise<StoredResponse>>();

  async run(key: string, method: string, path: string, execute: () => Promise<StoredResponse>): Promise<{ response: StoredResponse; replayed: boolean }> {
    const id = JSON.stringify([method, path, key]);
    const existing = this.entries.get(id);
    if (existing) return { response: await existing, replayed: true };
    const pending = execute();
    this.entries.set(id, pending);
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
