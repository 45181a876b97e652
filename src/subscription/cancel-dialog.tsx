import * as React from "react";
import { Dialog } from "azure-devops-ui/Dialog";
import { RadioButton, RadioButtonGroup } from "azure-devops-ui/RadioButton";
import { ErrorCard } from "../components/error-card";
import { billingService, newRequestId, type SubscriptionOverview } from "../services/billing-service";
import { formatDate } from "./format";
import { useAction } from "../common/use-action";
import { useEscapeWhenFocusLost } from "../common/use-escape-when-focus-lost";

type When = "immediately" | "end_of_term";

export interface CancelDialogProps {
  currentTermEnd: string | null;
  onCancelled: (overview: SubscriptionOverview) => void;
  onDismiss: () => void;
}

/** Cancel Subscription's confirmation, with Cancel Immediately selected. Data is always kept. */
export function CancelDialog(props: CancelDialogProps): JSX.Element {
  useEscapeWhenFocusLost(props.onDismiss);
  const [when, setWhen] = React.useState<When>("immediately");
  const requestId = React.useMemo(newRequestId, []);
  const cancel = useAction(() => billingService.cancel({ when, requestId }), props.onCancelled);
  return (
    <Dialog
      titleProps={{ text: "Cancel Subscription" }}
      onDismiss={props.onDismiss}
      footerButtonProps={[
        { text: "Keep Subscription", onClick: props.onDismiss, disabled: cancel.busy },
        { text: "Confirm Cancellation", danger: true, onClick: () => cancel.run(), disabled: cancel.busy },
      ]}
    >
      <div className="flex-column rhythm-vertical-16">
        <RadioButtonGroup
          selectedButtonId={when}
          onSelect={(id) => setWhen(id as When)}
          text="When should the subscription end?"
        >
          <RadioButton id="immediately" text="Cancel Immediately" />
          <RadioButton id="end_of_term" text={`Cancel at the end of the term (${formatDate(props.currentTermEnd)})`} />
        </RadioButtonGroup>
        <div className="secondary-text">
          Once the subscription ends, users can no longer use Timetracker. Their time and settings are kept; buy a plan
          or switch to Free to continue.
        </div>
        {cancel.error ? <ErrorCard error={cancel.error} /> : null}
      </div>
    </Dialog>
  );
}
