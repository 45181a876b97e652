import * as React from "react";
import { useLatest } from "../common/use-latest";
import type { AsyncState, LoadKey } from "../common/use-async";

/**
 * Loads a value (again when `key` changes, keeping the previous value on screen meanwhile)
 * and lets the page replace it with a fresher answer: a write returns the new state, so no
 * extra round trip is needed.
 */
export function useLoaded<T>(load: () => Promise<T>, key?: LoadKey): [AsyncState<T>, { set: (value: T) => void }] {
  const [state, setState] = React.useState<AsyncState<T>>({ status: "loading" });
  // `load` is a new closure on every render: `key` says when to run it, the ref gives this render's.
  const latestLoad = useLatest(load);
  React.useEffect(() => {
    let live = true;
    setState((previous) => (previous.status === "ready" ? previous : { status: "loading" }));
    latestLoad.current().then(
      (value) => live && setState({ status: "ready", value }),
      (error: unknown) =>
        live && setState({ status: "failed", error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [key, latestLoad]);
  const controls = React.useMemo(() => ({ set: (value: T) => setState({ status: "ready", value }) }), []);
  return [state, controls];
}
