import * as React from "react";
import { useLatest } from "../common/use-latest";

export type Loaded<T> =
  { status: "idle" } | { status: "loading" } | { status: "ready"; value: T } | { status: "failed"; error: Error };

/** Runs `load` (none: idle) on mount and whenever `key` changes; only the latest run may update the state. */
export function useLoad<T>(load: (() => Promise<T>) | null, key: string): Loaded<T> {
  const [state, setState] = React.useState<Loaded<T>>({ status: "idle" });
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
