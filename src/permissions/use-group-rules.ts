import * as React from "react";
import { groupRulesService, type GroupRulesResponse } from "../services/group-rules-service";

export interface GroupRulesState {
  /** The last answer; kept while a new read runs so the list does not blink. */
  value: GroupRulesResponse | null;
  error: Error | null;
  loading: boolean;
  /** Reads the rules again (after any change on the page). */
  reload: () => void;
  /** An answer that already is the new list (Sync now, every rule). */
  replace: (next: GroupRulesResponse) => void;
}

/**
 * The organization's group rules, read once `enabled` (PCAs at once, for the warning; others
 * when they open the tab). Only the newest read may set the state.
 */
export function useGroupRules(enabled: boolean): GroupRulesState {
  const [value, setValue] = React.useState<GroupRulesResponse | null>(null);
  const [error, setError] = React.useState<Error | null>(null);
  const [loading, setLoading] = React.useState(false);
  const latest = React.useRef(0);
  const started = React.useRef(false);

  const reload = React.useCallback(() => {
    if (!started.current) return;
    const run = ++latest.current;
    setLoading(true);
    groupRulesService.list().then(
      (next) => {
        if (run !== latest.current) return;
        setValue(next);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (run !== latest.current) return;
        setError(failure instanceof Error ? failure : new Error(String(failure)));
        setLoading(false);
      },
    );
  }, []);
  const replace = React.useCallback((next: GroupRulesResponse) => {
    latest.current++;
    setValue(next);
    setError(null);
    setLoading(false);
  }, []);

  React.useEffect(() => {
    if (!enabled || started.current) return;
    started.current = true;
    reload();
  }, [enabled, reload]);
  React.useEffect(
    () => () => {
      latest.current++; // the page is gone: no answer may set its state
    },
    [],
  );
  return { value, error, loading, reload, replace };
}
