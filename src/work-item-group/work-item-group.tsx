import * as React from "react";
import { SpinnerSize } from "azure-devops-ui/Spinner";
import { AsyncContent } from "../components/async-content";
import { ErrorCard } from "../components/error-card";
import { FeatureAccess } from "../components/feature-access";
import { SignedInAs } from "../components/user-summary";
import type { AsyncState } from "../common/use-async";
import { useActiveWorkItem } from "../common/use-active-work-item";
import { useFrameHeight } from "../common/use-frame-height";
import { useMe } from "../common/use-me";
import type { MeResponse } from "../services/contracts";
import { openAddTimeDialog, type AddTimeIntent } from "../services/host-dialogs";
import { resizeFrame } from "../services/sdk-context";
import type { CurrentWorkItem } from "../services/work-item-form";
import { TrackingButtons } from "./tracking-buttons";

/** The "Timetracker" group on the work item form. */
export function WorkItemGroup(): JSX.Element {
  const me = useMe();
  const workItem = useActiveWorkItem();
  const measured = useFrameHeight<HTMLDivElement>();
  if (me.status === "ready" && !me.value.licensed && me.value.hostType === "cloud") {
    return <HiddenGroup />;
  }
  return (
    <div ref={measured} className="flex-column padding-vertical-8">
      <AsyncContent state={me} spinnerSize={SpinnerSize.medium}>
        {(me) => (
          <FeatureAccess me={me}>
            <LicensedGroup me={me} workItem={workItem} />
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

function LicensedGroup(props: { me: MeResponse; workItem: AsyncState<CurrentWorkItem> }): JSX.Element {
  const [error, setError] = React.useState<Error>();
  const { workItem } = props;
  const workItemId = workItem.status === "ready" && !workItem.value.isNew ? workItem.value.id : undefined;
  const open = (intent: AddTimeIntent) => {
    setError(undefined);
    openAddTimeDialog({ intent, workItemId }).catch((e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
  };
  return (
    <div className="flex-column rhythm-vertical-8">
      <TrackingButtons onStartTracking={() => open("start-tracking")} onAddTime={() => open("add-time")} />
      <SignedInAs me={props.me} />
      {error && <ErrorCard error={error} />}
    </div>
  );
}
