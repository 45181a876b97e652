import * as React from "react";
import { getCurrentWorkItem, registerWorkItemFormEvents, type CurrentWorkItem } from "../services/work-item-form";
import { useAsync, type AsyncState } from "./use-async";

/**
 * The work item of the form this frame sits in, reloaded when the form loads another item
 * into the same frame or saves a new one (which gives it an id). Also registers the frame's
 * form event handlers, which the host expects from every form group and page; mount it in
 * the page's root component so that happens before the frame reports it has loaded.
 */
export function useActiveWorkItem(): AsyncState<CurrentWorkItem> {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => {
    const reload = () => setVersion((v) => v + 1);
    return registerWorkItemFormEvents({ onLoaded: reload, onSaved: reload });
  }, []);
  return useAsync(getCurrentWorkItem, version);
}
