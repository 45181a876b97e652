import * as React from "react";

export interface Action<A extends unknown[]> {
  run: (...args: A) => void;
  busy: boolean;
  /** The last failure, in the backend's words (a declined card, Chargebee down…); cleared on the next run. */
  error: Error | null;
}

/**
 * A button's async work: one run at a time, its failure kept for display. State on the
 * page changes only through `onDone`, i.e. after the backend (and Chargebee) confirmed.
 */
export function useAction<A extends unknown[], T>(work: (...args: A) => Promise<T>, onDone: (result: T) => void): Action<A> {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<Error | null>(null);
  const live = React.useRef(true);
  React.useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  const run = (...args: A) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    work(...args).then(
      (result) => {
        if (!live.current) return;
        setBusy(false);
        onDone(result);
      },
      (failure: unknown) => {
        if (!live.current) return;
        setBusy(false);
        setError(failure instanceof Error ? failure : new Error(String(failure)));
      },
    );
  };
  return { run, busy, error };
}
