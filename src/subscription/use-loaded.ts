import * as React from "react";
import type { AsyncState } from "../common/use-async";

/**
 * Loads a value (again when `deps` change, keeping the previous value on screen meanwhile)
 * and lets the page replace it with a fresher answer: a write returns the new state, so no
 * extra round trip is needed.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: React.DependencyList = []): [AsyncState<T>, { set: (value: T) => void }] {
  const [state, setState] = React.useState<AsyncState<T>>({ status: "loading" });
  React.useEffect(() => {
    let live = true;
    setState((previous) => (previous.status === "ready" ? previous : { status: "loading" }));
    load().then(
      (value) => live && setState({ status: "ready", value }),
      (error: unknown) => live && setState({ status: "failed", error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
    // `load` is deliberately not a dependency: callers say when to reload through `deps`.
  }, deps);
  const controls = React.useMemo(() => ({ set: (value: T) => setState({ status: "ready", value }) }), []);
  return [state, controls];
}
