import * as React from "react";
import { Link } from "azure-devops-ui/Link";
import { MessageBar, MessageBarSeverity } from "azure-devops-ui/MessageBar";
import { useMe } from "../common/use-me";
import type { MeResponse } from "../services/contracts";
import { openSubscriptionPage } from "../services/navigation";

export interface TrialBarProps {
  /** What Buy Now does; by default it opens the Timetracker Subscription page. */
  onBuyNow?: () => void;
}

/** Only PCAs see the trial countdown and Buy Now; nobody else sees the bar or a link. */
export function showsTrialBar(me: MeResponse): me is MeResponse & { trial: NonNullable<MeResponse["trial"]> } {
  return me.isPca && me.trial !== null;
}

export function trialCountdownText(daysLeft: number): string {
  return `Timetracker Free Trial: ${daysLeft} ${daysLeft === 1 ? "day" : "days"} left.`;
}

export const TRIAL_EXPLANATION =
  "You are seeing this because you are a Project Collection Administrator of this organization and Timetracker is in its " +
  "28-day free trial, with all features. Other users don't see this bar. When the trial ends, users can no longer use " +
  "Timetracker until a plan is bought; their data is kept.";

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
