import "../time/time.css";
import * as React from "react";
import { NoAccessMessage } from "../components/no-access-message";
import { useActiveWorkItem } from "../common/use-active-work-item";
import { useFrameHeight } from "../common/use-frame-height";
import { getHostInfo, resizeFrame } from "../services/sdk-context";
import { getTimeContext } from "../services/time-service";
import { errorText, useTimeData } from "../time/use-time-data";
import { GroupBody } from "./group-body";

/**
 * The "Timetracker" group on the work item form. One backend call decides everything: a 403
 * means no access (None, no seat, trial over): on Azure DevOps Services the group collapses
 * to nothing; on Azure DevOps Server it says so in place of the buttons.
 */
export function WorkItemGroup(): JSX.Element | null {
  const workItem = useActiveWorkItem();
  const measured = useFrameHeight<HTMLDivElement>();
  if (workItem.status === "loading") return <div ref={measured} className="padding-vertical-8" />;
  if (workItem.status === "failed") {
    return (
      <div ref={measured} className="padding-vertical-8 error-text" role="alert">
        {errorText(workItem.error)}
      </div>
    );
  }
  const id = workItem.value.isNew ? undefined : workItem.value.id;
  return <LoadedGroup key={id ?? "new"} workItemId={id} measured={measured} />;
}

function LoadedGroup(props: {
  workItemId: number | undefined;
  measured: React.RefCallback<HTMLDivElement>;
}): JSX.Element | null {
  const { workItemId, measured } = props;
  const [context, reload] = useTimeData(() => getTimeContext(workItemId), workItemId);
  useRefreshOnReturn(reload);

  if (context.status === "denied" && getHostInfo().isHosted) return <HiddenGroup />;
  return (
    <div ref={measured} className="flex-column padding-vertical-8">
      {context.status === "denied" && <NoAccessMessage />}
      {context.status === "failed" && (
        <div className="error-text" role="alert">
          {errorText(context.error)}
        </div>
      )}
      {context.status === "ready" && <GroupBody workItemId={workItemId} context={context.value} reload={reload} />}
    </div>
  );
}

/** Least time between two refreshes caused by the pointer coming back. */
const RETURN_REFRESH_MS = 5_000;

/**
 * A timer started or stopped elsewhere (the toolbar's dialog, the hub, another tab) cannot
 * tell this frame; refresh when the user comes back to it: focus, or the pointer entering.
 */
function useRefreshOnReturn(reload: () => void): void {
  React.useEffect(() => {
    let last = Date.now();
    const onReturn = () => {
      if (Date.now() - last < RETURN_REFRESH_MS) return;
      last = Date.now();
      reload();
    };
    window.addEventListener("focus", onReturn);
    document.documentElement.addEventListener("pointerenter", onReturn);
    return () => {
      window.removeEventListener("focus", onReturn);
      document.documentElement.removeEventListener("pointerenter", onReturn);
    };
  }, [reload]);
}

/** Cloud users without access must not see Timetracker at all: collapse the frame. */
function HiddenGroup(): null {
  React.useEffect(() => resizeFrame(undefined, 0), []);
  return null;
}
