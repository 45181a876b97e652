/** A stored document with its concurrency token (Cosmos etag). */
export interface Versioned<T> {
  value: T;
  etag: string;
}
