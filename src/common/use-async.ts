import * as React from "react";
import { useLatest } from "./use-latest";

export type AsyncState<T> = { status: "loading" } | { status: "ready"; value: T } | { status: "failed"; error: Error };

/** What a load depends on: it runs again when this changes (compared with Object.is). */
export type LoadKey = string | number | boolean | null | undefined;

/**
 * Runs `load` on mount, and again whenever `key` changes, and tracks its outcome.
 * Only the latest run may update the state. Without a load (null: nothing to ask yet, e.g.
 * an empty search) the state is "idle".
 */
export function useAsync<T>(load: () => Promise<T>, key?: LoadKey): AsyncState<T>;
export function useAsync<T>(load: (() => Promise<T>) | null, key?: LoadKey): AsyncState<T> | { status: "idle" };
export function useAsync<T>(load: (() => Promise<T>) | null, key?: LoadKey): AsyncState<T> | { status: "idle" } {
  const [state, setState] = React.useState<AsyncState<T> | { status: "idle" }>(
    load ? { status: "loading" } : { status: "idle" },
  );
  // `load` is a new closure on every render: `key` says when to run it, the ref gives this render's.
  const latestLoad = useLatest(load);
  React.useEffect(() => {
    const run = latestLoad.current;
    if (!run) return setState({ status: "idle" });
    let live = true;
    setState({ status: "loading" });
    run().then(
      (value) => live && setState({ status: "ready", value }),
      (error: unknown) =>
        live && setState({ status: "failed", error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [key, latestLoad]);
  return state;
}
