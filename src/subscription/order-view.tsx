import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Card } from "azure-devops-ui/Card";
import { RadioButton, RadioButtonGroup, RadioButtonGroupDirection } from "azure-devops-ui/RadioButton";
import { AsyncContent } from "../components/async-content";
import { ErrorCard } from "../components/error-card";
import {
  billingService,
  newRequestId,
  type BillingPeriod,
  type OrderQuote,
  type SubscriptionOverview,
} from "../services/billing-service";
import { confirmLabel, estimateSummary, planName, type OrderDraft } from "./flow";
import { billedText, billingToggleLabel, formatDate, formatMoney, rateText, tierLinesText, usersText } from "./format";
import { useAction } from "../common/use-action";
import { useLoaded } from "./use-loaded";

export interface OrderViewProps {
  draft: OrderDraft;
  onPeriodChange: (period: BillingPeriod) => void;
  /** A new subscription: on to the order total and the checkout. */
  onCheckout: (quote: OrderQuote) => void;
  /** A change Chargebee confirmed. */
  onChanged: (overview: SubscriptionOverview) => void;
  onBack: () => void;
}

const PERIODS: BillingPeriod[] = ["yearly", "monthly"];

/**
 * "Your Order": the amount for the users, Annual Billing or Monthly Billing to compare,
 * and for a change Chargebee's estimate ("Billed immediately" for an upgrade, a credit for a
 * downgrade) before anything is bought.
 */
export function OrderView(props: OrderViewProps): JSX.Element {
  const { draft } = props;
  const [state] = useLoaded(
    () => billingService.quote({ plan: draft.plan, period: draft.period, seats: draft.seats }),
    JSON.stringify([draft.plan, draft.period, draft.seats]),
  );
  // One id per order shown: a retried click on the same order is never charged twice.
  const requestId = React.useMemo(newRequestId, [draft.plan, draft.period, draft.seats]);
  const change = useAction(
    (quote: OrderQuote) =>
      billingService.change({
        plan: draft.plan,
        period: draft.period,
        seats: draft.seats,
        requestId,
        expectedAmount: quote.order.amount,
      }),
    props.onChanged,
  );
  return (
    <Card titleProps={{ text: "Your Order" }}>
      <AsyncContent state={state}>
        {(quote) => (
          <div className="flex-column rhythm-vertical-16 flex-grow" role="region" aria-label="Your Order">
            <div className="title-s">
              {planTitle(draft)} · {usersText(quote.order.seats)}
            </div>
            {draft.plan === "free" ? null : (
              <RadioButtonGroup
                text="Billing"
                direction={RadioButtonGroupDirection.Horizontal}
                selectedButtonId={draft.period}
                onSelect={(id) => props.onPeriodChange(id as BillingPeriod)}
              >
                {PERIODS.map((period) => (
                  <RadioButton key={period} id={period} text={billingToggleLabel(period)} />
                ))}
              </RadioButtonGroup>
            )}
            <div className="flex-column rhythm-vertical-4" aria-label="Order amount" role="group">
              <div>{rateText(quote.order)}</div>
              {tierLinesText(quote.order).map((line) => (
                <div key={line} className="secondary-text">
                  {line}
                </div>
              ))}
              <div className="title-xs">{billedText(quote.order)}</div>
            </div>
            <EstimateView quote={quote} />
            {change.error ? <ErrorCard error={change.error} /> : null}
            <div className="flex-row rhythm-horizontal-8">
              <Button
                primary
                text={confirmLabel(draft)}
                disabled={change.busy}
                onClick={() => (quote.kind === "change" ? change.run(quote) : props.onCheckout(quote))}
              />
              <Button text="Back" onClick={props.onBack} disabled={change.busy} />
            </div>
          </div>
        )}
      </AsyncContent>
    </Card>
  );
}

function planTitle(draft: OrderDraft): string {
  return `${planName(draft.plan)} plan`;
}

function EstimateView(props: { quote: OrderQuote }): JSX.Element | null {
  const summary = estimateSummary(props.quote);
  const estimate = props.quote.estimate;
  if (!summary || !estimate) return null;
  return (
    <div className="flex-column rhythm-vertical-4" role="group" aria-label="Estimate">
      <div className="title-xs">
        {summary.label}: {formatMoney(summary.amount, estimate.currency)}
      </div>
      {estimate.lines.map((line, i) => (
        <div key={i} className="secondary-text">
          {line.description}: {formatMoney(line.amount, estimate.currency)}
        </div>
      ))}
      {estimate.nextBillingAt ? (
        <div className="secondary-text">
          Next billing: {formatDate(estimate.nextBillingAt)}
          {estimate.nextBillingAmount !== null ? `, ${formatMoney(estimate.nextBillingAmount, estimate.currency)}` : ""}
        </div>
      ) : null}
    </div>
  );
}
