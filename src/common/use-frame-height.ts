import * as React from "react";
import { resizeFrame } from "../services/sdk-context";

/**
 * Keeps the host frame as tall as the element the returned ref is attached to. Used by
 * frames the host sizes to their content (form groups, dialogs): the document body is
 * always 100% high, so it cannot be measured instead.
 */
export function useFrameHeight<T extends HTMLElement>(): React.RefCallback<T> {
  const observer = React.useRef<ResizeObserver>();
  React.useEffect(() => () => observer.current?.disconnect(), []);
  return React.useCallback((element: T | null) => {
    observer.current?.disconnect();
    if (!element) return;
    const report = () => resizeFrame(undefined, Math.ceil(element.getBoundingClientRect().height));
    observer.current = new ResizeObserver(report);
    observer.current.observe(element);
    report();
  }, []);
}
