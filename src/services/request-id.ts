/**
 * A key for one write the user means to make once. Keep it while the user retries the same
 * write (after a failure) and make a new one for the next write: the backend then applies a
 * retried request once.
 */
export function newRequestId(): string {
  return crypto.randomUUID();
}
