import * as React from "react";

/**
 * A ref holding the value of the latest committed render. An effect that calls a callback
 * prop (a new function on every render of the parent) reads it through this ref, so it sees
 * the newest callback without re-running whenever the parent re-renders. Effects run in
 * declaration order, so effects declared after this hook already see this render's value.
 */
export function useLatest<T>(value: T): React.MutableRefObject<T> {
  const ref = React.useRef(value);
  React.useEffect(() => {
    ref.current = value;
  });
  return ref;
}
