import * as React from "react";

export interface Action<A extends unknown[]> {
  run: (...args: A) => void;
  busy: boolean;
}

/** A control's async work: one run at a time; `onDone`/`onError` only while mounted. */
export function useAction<A extends unknown[], T>(work: (...args: A) => Promise<T>, onDone: (result: T) => void, onError: (error: Error) => void): Action<A> {
  const [busy, setBusy] = React.useState(false);
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
    work(...args).then(
      (result) => {
        if (!live.current) return;
        setBusy(false);
        onDone(result);
      },
      (failure: unknown) => {
        if (!live.current) return;
        setBusy(false);
        onError(failure instanceof Error ? failure : new Error(String(failure)));
      },
    );
  };
  return { run, busy };
}
