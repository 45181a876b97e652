import * as React from "react";
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

/** Loads on mount, when `deps` change, and on reload(); keeps showing the last value while reloading. */
export function useTimeData<T>(load: () => Promise<T>, deps: React.DependencyList): [TimeData<T>, () => void] {
  const [state, setState] = React.useState<TimeData<T>>({ status: "loading" });
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ status: "ready", value }),
      (error: unknown) => live && setState(toTimeData<T>(error)),
    );
    return () => {
      live = false;
    };
    // `load` is deliberately not a dependency: callers say when to reload through `deps`.
  }, [...deps, version]);
  const reload = React.useCallback(() => setVersion((v) => v + 1), []);
  return [state, reload];
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
