import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Store, StoreSnapshot } from "./store";

/**
 * Optional persistence for the local stack: the embedded Cosmos keeps its
 * data across restarts, so Chargebee's side must too, or the stored
 * subscription ids would point at nothing. Writes are atomic (temp + rename)
 * and happen only after something changed.
 */
export function persistStore(store: Store, file: string, intervalMs = 500): { flush(): void; stop(): void } {
  const loaded = readSnapshot(file);
  if (loaded) store.restore(loaded);
  let written = store.changeMarker;
  const flush = (): void => {
    if (store.changeMarker === written) return;
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(store.snapshot()));
    renameSync(temp, file);
    written = store.changeMarker;
  };
  const timer = setInterval(() => {
    try {
      flush();
    } catch (error) {
      console.error(`[chargebee] could not save ${file}`, error);
    }
  }, intervalMs);
  timer.unref();
  return {
    flush,
    stop: () => {
      clearInterval(timer);
      flush();
    },
  };
}

function readSnapshot(file: string): StoreSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined; // first start
  }
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null || (parsed as { format?: unknown }).format !== 1) {
    throw new Error(`${file} is not a Chargebee stand-in snapshot (format 1); delete it to start afresh`);
  }
  return parsed as StoreSnapshot;
}
