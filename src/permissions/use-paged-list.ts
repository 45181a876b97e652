import * as React from "react";

export interface Page<T> {
  items: T[];
  continuation: string | null;
}

export interface PagedList<T> {
  items: T[];
  /** More pages exist on the server. */
  hasMore: boolean;
  loading: boolean;
  error: Error | null;
  /** Loads the next page (ignored while one is loading or when there is none). */
  loadMore: () => void;
  /** Starts again from the first page. */
  reload: () => void;
}

/**
 * A list the server pages with continuation tokens, loaded a page at a time as the viewer
 * scrolls (the table asks for more when its last, placeholder row becomes visible). Changing
 * `key` (search, sort) starts again from the first page; answers for an older key are dropped.
 */
export function usePagedList<T>(load: (continuation: string | null) => Promise<Page<T>>, key: string): PagedList<T> {
  const [state, setState] = React.useState<{
    items: T[];
    continuation: string | null;
    done: boolean;
    loading: boolean;
    error: Error | null;
  }>({
    items: [],
    continuation: null,
    done: false,
    loading: false,
    error: null,
  });
  const generation = React.useRef(0);
  const busy = React.useRef(false);
  const loadRef = React.useRef(load);
  loadRef.current = load;

  const fetchPage = React.useCallback((continuation: string | null, reset: boolean) => {
    if (busy.current && !reset) return;
    const mine = reset ? ++generation.current : generation.current;
    busy.current = true;
    setState((s) =>
      reset
        ? { items: [], continuation: null, done: false, loading: true, error: null }
        : { ...s, loading: true, error: null },
    );
    loadRef.current(continuation).then(
      (page) => {
        if (mine !== generation.current) return;
        busy.current = false;
        setState((s) => ({
          items: [...s.items, ...page.items],
          continuation: page.continuation,
          done: page.continuation === null,
          loading: false,
          error: null,
        }));
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        busy.current = false;
        setState((s) => ({ ...s, loading: false, error: error instanceof Error ? error : new Error(String(error)) }));
      },
    );
  }, []);

  React.useEffect(() => fetchPage(null, true), [key, fetchPage]);

  const current = React.useRef(state);
  current.current = state;
  const loadMore = React.useCallback(() => {
    const s = current.current;
    if (!s.done && !s.loading && !s.error && s.continuation) fetchPage(s.continuation, false);
  }, [fetchPage]);

  return {
    items: state.items,
    hasMore: !state.done,
    loading: state.loading,
    error: state.error,
    loadMore,
    reload: React.useCallback(() => fetchPage(null, true), [fetchPage]),
  };
}
