import * as React from "react";
import { Link } from "azure-devops-ui/Link";
import { MessageBar, MessageBarSeverity } from "azure-devops-ui/MessageBar";
import { useMe } from "../common/use-me";
import { openSubscriptionPage } from "../services/navigation";
import { showsTrialBar, TRIAL_EXPLANATION, trialCountdownText } from "./trial-bar-text";

export interface TrialBarProps {
  /** What Buy Now does; by default it opens the Timetracker Subscription page. */
  onBuyNow?: () => void;
}

/**
 * The trial notification bar at the top of every Timetracker page: countdown,
 * "Why am I seeing this?" and "Buy Now".
 */
export function TrialBar(props: TrialBarProps): JSX.Element | null {
  const me = useMe();
  const [explained, setExplained] = React.useState(false);
  if (me.status !== "ready" || !showsTrialBar(me.value)) return null;
  const buyNow = props.onBuyNow ?? (() => void openSubscriptionPage());
  return (
    <MessageBar
      className="trial-bar"
      severity={MessageBarSeverity.Info}
      role="banner"
      buttonProps={[{ text: "Buy Now", primary: true, onClick: buyNow }]}
    >
      <div className="flex-column rhythm-vertical-4">
        <div>
          {trialCountdownText(me.value.trial.daysLeft)}{" "}
          <Link onClick={() => setExplained((shown) => !shown)} ariaExpanded={explained}>
            Why am I seeing this?
          </Link>
        </div>
        {explained ? <div>{TRIAL_EXPLANATION}</div> : null}
      </div>
    </MessageBar>
  );
}
