import * as React from "react";

export type AsyncState<T> =
  | { status: "loading" }
  | { status: "ready"; value: T }
  | { status: "failed"; error: Error };

/**
 * Runs `load` on mount, and again whenever a value in `deps` changes, and tracks its outcome.
 * Only the latest run may update the state.
 */
export function useAsync<T>(load: () => Promise<T>, deps: React.DependencyList = []): AsyncState<T> {
  const [state, setState] = React.useState<AsyncState<T>>({ status: "loading" });
  React.useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    load().then(
      (value) => live && setState({ status: "ready", value }),
      (error: unknown) => live && setState({ status: "failed", error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
    // `load` is deliberately not a dependency: callers say when to reload through `deps`.
  }, deps);
  return state;
}
