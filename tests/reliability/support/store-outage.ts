import type { EmbeddedCosmos } from "../../../dev/cosmos/embedded-cosmos";

/**
 * Runs `call` and takes the store down as its `n`-th store request arrives, before the
 * store handles it: an outage in the middle of the call, at a chosen step. The store is
 * back when this returns.
 */
export async function withOutageAtStoreRequest<T>(
  cosmos: EmbeddedCosmos,
  n: number,
  call: () => Promise<T>,
): Promise<{ result: T; hit: boolean }> {
  let seen = 0;
  let outage: Promise<void> | undefined;
  const unsubscribe = cosmos.onRequest(() => {
    seen += 1;
    if (seen === n) outage = cosmos.suspend();
  });
  try {
    const result = await call();
    return { result, hit: outage !== undefined };
  } finally {
    unsubscribe();
    if (outage) {
      await outage;
      await cosmos.resume();
    }
  }
}

/** Store requests one call makes (run it once first so caches are as warm as in the real run). */
export async function storeRequestsOf(cosmos: EmbeddedCosmos, call: () => Promise<unknown>): Promise<number> {
  const before = cosmos.requestCount();
  await call();
  return cosmos.requestCount() - before;
}
