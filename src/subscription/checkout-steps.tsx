import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Card } from "azure-devops-ui/Card";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { ErrorCard } from "../components/error-card";
import { billingService, newRequestId, openInNewWindow, type SubscriptionOverview } from "../services/billing-service";
import type { OrderDraft } from "./flow";
import { formatMoney, periodName, usersText } from "./format";
import { useAction } from "../common/use-action";
import { useLatest } from "../common/use-latest";

export interface OrderTotalProps {
  draft: OrderDraft;
  amount: number;
  currency: string;
  onStarted: (hostedPageId: string, url: string) => void;
  onBack: () => void;
}

/** The order total, then Proceed to Checkout: Chargebee's hosted checkout opens in a new window. */
export function OrderTotal(props: OrderTotalProps): JSX.Element {
  const { draft } = props;
  const requestId = React.useMemo(newRequestId, []);
  const proceed = useAction(
    async () => {
      const started = await billingService.startCheckout({
        plan: draft.plan,
        period: draft.period,
        seats: draft.seats,
        requestId,
        expectedAmount: props.amount,
      });
      await openInNewWindow(started.url);
      return started;
    },
    (started) => props.onStarted(started.hostedPageId, started.url),
  );
  return (
    <Card titleProps={{ text: "Your Order Total" }}>
      <div className="flex-column rhythm-vertical-16 flex-grow" role="region" aria-label="Your Order Total">
        <div role="group" aria-label="Order total" className="flex-column rhythm-vertical-4">
          <div>
            {draft.plan.charAt(0).toUpperCase() + draft.plan.slice(1)} plan, {usersText(draft.seats)},{" "}
            {periodName(draft.period)} billing
          </div>
          <div className="title-s">Total: {formatMoney(props.amount, props.currency)}</div>
        </div>
        {proceed.error ? <ErrorCard error={proceed.error} /> : null}
        <div className="flex-row rhythm-horizontal-8">
          <Button primary text="Proceed to Checkout" disabled={proceed.busy} onClick={() => proceed.run()} />
          <Button text="Back" onClick={props.onBack} disabled={proceed.busy} />
        </div>
      </div>
    </Card>
  );
}

/** How often the page asks whether Chargebee confirmed the checkout. */
export const CHECKOUT_POLL_MS = 2_000;

export interface CheckoutWaitProps {
  hostedPageId: string;
  url: string;
  onConfirmed: (overview: SubscriptionOverview) => void;
  onEnded: (message: string) => void;
  pollMs?: number;
}

/**
 * While the buyer completes the checkout in the other window, poll until Chargebee confirms
 * (the backend retrieves the hosted page; a webhook may have stored it already).
 */
export function CheckoutWait(props: CheckoutWaitProps): JSX.Element {
  const { hostedPageId, pollMs = CHECKOUT_POLL_MS } = props;
  const [error, setError] = React.useState<Error | null>(null);
  // The parent passes new callbacks on every render: polling must not restart for that.
  const outcome = useLatest({ onConfirmed: props.onConfirmed, onEnded: props.onEnded });
  React.useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const sync = await billingService.syncCheckout(hostedPageId);
        if (!live) return;
        setError(null);
        if (sync.state === "succeeded") return outcome.current.onConfirmed(sync.subscription);
        if (sync.state === "cancelled")
          return outcome.current.onEnded("The checkout was cancelled; nothing was bought.");
        if (sync.state === "expired")
          return outcome.current.onEnded("The checkout expired; nothing was bought. Start again with Buy Now.");
      } catch (failure) {
        // Keep waiting: the buyer may still be paying; show why we cannot tell yet.
        if (live) setError(failure instanceof Error ? failure : new Error(String(failure)));
      }
      if (live) timer = setTimeout(() => void poll(), pollMs);
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [hostedPageId, pollMs, outcome]);
  return (
    <Card titleProps={{ text: "Checkout" }}>
      <div className="flex-column rhythm-vertical-16 flex-grow">
        <Spinner
          size={SpinnerSize.medium}
          label="Complete your purchase in the Chargebee window. This page updates as soon as Chargebee confirms it."
        />
        {error ? <ErrorCard error={error} /> : null}
        <div className="flex-row rhythm-horizontal-8">
          <Button text="Open the checkout again" onClick={() => void openInNewWindow(props.url)} />
          <Button text="Back" onClick={() => props.onEnded("")} />
        </div>
      </div>
    </Card>
  );
}
