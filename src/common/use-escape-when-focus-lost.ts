import * as React from "react";
import { useLatest } from "./use-latest";

/** The open panels and dialogs, innermost last: only it answers an Escape. */
const open: Array<{ current: () => void }> = [];

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== "Escape" || event.defaultPrevented) return;
  const focused = document.activeElement;
  if (focused && focused !== document.body) return; // focus is somewhere: that element's own handling stands
  open.at(-1)?.current();
}

/**
 * Lets Escape close a panel or dialog after focus fell out of it. azure-devops-ui's Button
 * takes the first Escape for itself (it blurs and stops the key, so as not to dismiss what
 * it sits in), which leaves focus on the page body, outside the panel, whose own Escape
 * handler then never hears the next press: a keyboard user could not close it. While the
 * calling panel or dialog is the innermost one open, an Escape with focus nowhere dismisses it.
 */
export function useEscapeWhenFocusLost(onDismiss: () => void): void {
  const dismiss = useLatest(onDismiss);
  React.useEffect(() => {
    const entry = dismiss;
    open.push(entry);
    if (open.length === 1) document.addEventListener("keydown", onKeyDown);
    return () => {
      open.splice(open.indexOf(entry), 1);
      if (open.length === 0) document.removeEventListener("keydown", onKeyDown);
    };
  }, [dismiss]);
}
