import * as React from "react";
import { Link } from "azure-devops-ui/Link";
import { MessageBar, MessageBarSeverity } from "azure-devops-ui/MessageBar";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { useAsync } from "../common/use-async";
import { useMe } from "../common/use-me";
import { billingService } from "../services/billing-service";
import { openSubscriptionPage } from "../services/navigation";
import { getExtensionId } from "../services/sdk-context";
import { planUsersText, rateText } from "../subscription/format";
import {
  marketplaceQnaUrl,
  showsTrialBar,
  TRIAL_AFTER,
  TRIAL_BUY_NOW,
  TRIAL_ONLY_PCAS,
  trialCountdownText,
  trialIncludesText,
} from "./trial-bar-text";

export interface TrialBarProps {
  /** What Buy Now does; by default it opens the Timetracker Subscription page. */
  onBuyNow?: () => void;
}

/**
 * The trial notification bar at the top of every Timetracker page: countdown,
 * "Why am I seeing this?" (the trial, who sees the bar, the plans and prices, where to get
 * help) and "Buy Now".
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
      buttonProps={[{ text: TRIAL_BUY_NOW, primary: true, onClick: buyNow }]}
    >
      <div className="flex-column rhythm-vertical-8">
        <div>
          {trialCountdownText(me.value.trial.daysLeft)}{" "}
          <Link onClick={() => setExplained((shown) => !shown)} ariaExpanded={explained}>
            Why am I seeing this?
          </Link>
        </div>
        {explained ? <TrialDetails endsAt={me.value.trial.endsAt} /> : null}
      </div>
    </MessageBar>
  );
}

/** What "Why am I seeing this?" opens. The plans load only then: most PCAs never open it. */
function TrialDetails(props: { endsAt: string }): JSX.Element {
  const plans = useAsync(() => billingService.plans());
  return (
    <div className="flex-column rhythm-vertical-8" role="region" aria-label="About the trial">
      <div>{trialIncludesText(props.endsAt)}</div>
      <div>{TRIAL_ONLY_PCAS}</div>
      <div>{TRIAL_AFTER}</div>
      <div className="flex-column rhythm-vertical-4">
        <div className="font-weight-semibold" id="trial-bar-plans">
          Plans and prices
        </div>
        {plans.status === "loading" ? <Spinner size={SpinnerSize.small} label="Loading plans..." /> : null}
        {plans.status === "failed" ? (
          <div>The plans could not be loaded: {plans.error.message} They are on the Timetracker Subscription page.</div>
        ) : null}
        {plans.status === "ready" ? (
          <ul aria-labelledby="trial-bar-plans" className="trial-bar-plans">
            {plans.value.offers.map((offer) => {
              const price = offer.prices.yearly ?? offer.prices.monthly;
              const cost =
                offer.plan === "free"
                  ? "free"
                  : price
                    ? `${rateText(price)}${offer.prices.yearly ? " with Annual Billing" : ""}`
                    : "no price available";
              return (
                <li key={offer.plan}>
                  {offer.name}: {planUsersText(offer)}, {cost}
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      <div>
        Questions about Timetracker or a plan?{" "}
        <Link href={marketplaceQnaUrl(getExtensionId())} target="_blank" rel="noopener noreferrer">
          Ask on the Q &amp; A page of Timetracker in the Visual Studio Marketplace
        </Link>
        .
      </div>
    </div>
  );
}
