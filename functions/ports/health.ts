export interface StoreHealth {
  /** Resolves when the store answers a trivial read; rejects with UnavailableError otherwise. */
  ping(): Promise<void>;
}
