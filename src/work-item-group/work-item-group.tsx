import * as React from "react";
import { SpinnerSize } from "azure-devops-ui/Spinner";
import { AsyncContent } from "../components/async-content";
import { ErrorCard } from "../components/error-card";
import { FeatureAccess } from "../components/feature-access";
import { SignedInAs } from "../components/user-summary";
import { useFrameHeight } from "../common/use-frame-height";
import { useMe } from "../common/use-me";
import type { MeResponse } from "../services/contracts";
import { openAddTimeDialog, type AddTimeIntent } from "../services/host-dialogs";
import { resizeFrame } from "../services/sdk-context";
import { getCurrentWorkItem } from "../services/work-item-form";
import { TrackingButtons } from "./tracking-buttons";

/** The "Timetracker" group on the work item form. */
export function WorkItemGroup(): JSX.Element {
  const me = useMe();
  const measured = useFrameHeight<HTMLDivElement>();
  if (me.status === "ready" && !me.value.licensed && me.value.hostType === "cloud") {
    return <HiddenGroup />;
  }
  return (
    <div ref={measured} className="flex-column padding-vertical-8">
      <AsyncContent state={me} spinnerSize={SpinnerSize.medium}>
        {(me) => (
          <FeatureAccess me={me}>
            <LicensedGroup me={me} />
          </FeatureAccess>
        )}
      </AsyncContent>
    </div>
  );
}

/** Cloud users without a seat must not see Timetracker at all: collapse the frame. */
function HiddenGroup(): null {
  React.useEffect(() => resizeFrame(undefined, 0), []);
  return null;
}

function LicensedGroup(props: { me: MeResponse }): JSX.Element {
  const [error, setError] = React.useState<Error>();
  const open = (intent: AddTimeIntent) => {
    setError(undefined);
    getCurrentWorkItem()
      .then((item) => openAddTimeDialog({ intent, workItemId: item.isNew ? undefined : item.id }))
      .catch((e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
  };
  return (
    <div className="flex-column rhythm-vertical-8">
      <TrackingButtons onStartTracking={() => open("start-tracking")} onAddTime={() => open("add-time")} />
      <SignedInAs me={props.me} />
      {error && <ErrorCard error={error} />}
    </div>
  );
}
