import * as React from "react";
import type { LoadKey } from "../common/use-async";
import { useLatest } from "../common/use-latest";
import { ApiError } from "../services/api-error";

/**
 * A backend load that distinguishes "you may not use this" (403: the backend says who can
 * grant access) from other failures, so every time surface can show the locked door.
 */
export type TimeData<T> =
  | { status: "loading" }
  | { status: "ready"; value: T }
  | { status: "denied"; message: string }
  | { status: "failed"; error: Error };

export function toTimeData<T>(error: unknown): TimeData<T> {
  if (error instanceof ApiError && error.status === 403) return { status: "denied", message: error.message };
  return { status: "failed", error: error instanceof Error ? error : new Error(String(error)) };
}

/** Loads on mount, when `key` changes, and on reload(); keeps showing the last value while reloading. */
export function useTimeData<T>(load: () => Promise<T>, key?: LoadKey): [TimeData<T>, () => void] {
  const [state, setState] = React.useState<TimeData<T>>({ status: "loading" });
  const [version, setVersion] = React.useState(0);
  // `load` is a new closure on every render: `key` says when to run it, the ref gives this render's.
  const latestLoad = useLatest(load);
  React.useEffect(() => {
    let live = true;
    latestLoad.current().then(
      (value) => live && setState({ status: "ready", value }),
      (error: unknown) => live && setState(toTimeData<T>(error)),
    );
    return () => {
      live = false;
    };
  }, [key, version, latestLoad]);
  const reload = React.useCallback(() => setVersion((v) => v + 1), []);
  return [state, reload];
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
