import * as React from "react";

export interface Action<A extends unknown[]> {
  run: (...args: A) => void;
  busy: boolean;
  /** The last failure, in the backend's words (a refused seat, a declined card…); cleared on the next run. */
  error: Error | null;
}

/**
 * A control's async work: one run at a time, its failure kept for display (and handed to
 * `onError` when given). State on the page changes only through `onDone`, after the backend
 * confirmed; neither callback runs once the control is gone.
 */
export function useAction<A extends unknown[], T>(
  work: (...args: A) => Promise<T>,
  onDone: (result: T) => void,
  onError?: (error: Error) => void,
): Action<A> {
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
        const reason = failure instanceof Error ? failure : new Error(String(failure));
        setBusy(false);
        setError(reason);
        onError?.(reason);
      },
    );
  };
  return { run, busy, error };
}
