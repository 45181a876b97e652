import * as React from "react";
import type { TimerView } from "../services/time-service";

/** Seconds a running timer has run, ticking every second (from the server's count when loaded). */
export function useElapsed(timer: TimerView | null): number {
  // The server counted up to when it answered: add what passed since this timer arrived.
  const loadedAt = React.useMemo(() => (timer ? Date.now() : 0), [timer]);
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    if (!timer) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [timer]);
  if (!timer) return 0;
  return timer.elapsedSeconds + Math.max(0, Math.floor((now - loadedAt) / 1000));
}
