import * as React from "react";
import { ListSelection } from "azure-devops-ui/List";

/**
 * A multi-select ListSelection that re-renders its owner when it changes, recreated when
 * `key` changes (a new search or sort shows other rows). `selectAll` keeps every loaded row
 * selected, also rows loaded later, until a row is unselected.
 */
export function useSelection(
  key: string,
  loadedCount: number,
): { selection: ListSelection; count: number; all: boolean; setAll: (all: boolean) => void } {
  // A new selection for a new key, made while rendering (React's "adjust state when a prop changes").
  const [owned, setOwned] = React.useState(() => ({ key, selection: newSelection() }));
  if (owned.key !== key) setOwned({ key, selection: newSelection() });
  const selection = owned.selection;
  const [, setVersion] = React.useState(0);
  const [all, setAllState] = React.useState(false);
  const allRef = React.useRef(all);
  allRef.current = all;
  const selecting = React.useRef(false);

  React.useEffect(() => {
    setAllState(false);
    const onChange = () => {
      if (!selecting.current && allRef.current && selection.selectedCount < loadedRef.current) setAllState(false);
      setVersion((v) => v + 1);
    };
    selection.subscribe(onChange);
    return () => selection.unsubscribe(onChange);
  }, [selection]);

  const loadedRef = React.useRef(loadedCount);
  loadedRef.current = loadedCount;
  React.useEffect(() => {
    if (all && loadedCount > 0) {
      selecting.current = true;
      selection.select(0, loadedCount, false, true);
      selecting.current = false;
    }
  }, [all, loadedCount, selection]);

  const setAll = (value: boolean) => {
    setAllState(value);
    if (!value) selection.clear();
  };
  return { selection, count: selection.selectedCount, all, setAll };
}

function newSelection(): ListSelection {
  return new ListSelection({ multiSelect: true, selectOnFocus: false });
}
