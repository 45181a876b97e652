import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { ButtonGroup } from "azure-devops-ui/ButtonGroup";
import { AsyncContent } from "../components/async-content";
import { FeatureAccess } from "../components/feature-access";
import { SignedInAs } from "../components/user-summary";
import { useFrameHeight } from "../common/use-frame-height";
import { useMe } from "../common/use-me";
import { closeHostDialog, readAddTimeDialogConfig } from "../services/host-dialogs";

/** Content of the host dialog opened by Start Tracking / Add Time (the host shows the title). */
export function AddTimeDialog(): JSX.Element {
  const me = useMe();
  const measured = useFrameHeight<HTMLDivElement>();
  const [config] = React.useState(readAddTimeDialogConfig);
  return (
    <div ref={measured} className="flex-column padding-16 rhythm-vertical-16">
      {config.workItemId !== undefined && <div>Work item #{config.workItemId}</div>}
      <AsyncContent state={me}>
        {(me) => (
          <FeatureAccess me={me}>
            <SignedInAs me={me} />
          </FeatureAccess>
        )}
      </AsyncContent>
      <ButtonGroup className="justify-end">
        <Button text="Close" onClick={closeHostDialog} />
      </ButtonGroup>
    </div>
  );
}
