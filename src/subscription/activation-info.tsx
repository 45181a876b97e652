import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Card } from "azure-devops-ui/Card";
import { Link } from "azure-devops-ui/Link";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import type { SubscriptionOverview } from "../services/billing-service";
import type { Purpose } from "./flow";
import { formatDate, formatMoney, periodName, usersText } from "./format";

export interface ActivationInfoProps {
  overview: SubscriptionOverview;
  notice?: string;
  onChoosePlans: (purpose: Purpose) => void;
  onChangeBilling: () => void;
  onCancel: () => void;
}

function Field(props: { label: string; children: React.ReactNode; action?: React.ReactNode }): JSX.Element {
  return (
    <div className="flex-column rhythm-vertical-4 activation-field" role="group" aria-label={props.label}>
      <div className="secondary-text">{props.label}</div>
      <div className="title-xs">{props.children}</div>
      {props.action}
    </div>
  );
}

/**
 * "Activation Information": Current Plan, Billing, Users and the next bill, with their Change
 * links. On Free there is no bill and nothing to cancel: it says so, with the plan's limit of
 * users and Buy Now to move to a paid plan.
 */
export function ActivationInfo(props: ActivationInfoProps): JSX.Element {
  const { overview: o } = props;
  const subscribed = o.state === "active" || o.state === "non_renewing";
  const onFree = subscribed && o.plan === "free";
  const paid = subscribed && !onFree;
  const planDetail = o.trial ? ` (${o.trial.daysLeft} ${o.trial.daysLeft === 1 ? "day" : "days"} left)` : "";
  return (
    <Card titleProps={{ text: "Activation Information" }}>
      <div className="flex-column rhythm-vertical-16 flex-grow">
        {props.notice ? <MessageCard severity={MessageCardSeverity.Info}>{props.notice}</MessageCard> : null}
        <div className="flex-row flex-wrap activation-fields" style={{ gap: 32 }}>
          <Field
            label="Current Plan"
            action={
              subscribed ? (
                <Link onClick={() => props.onChoosePlans(onFree ? "buy" : "change-plan")}>Change</Link>
              ) : null
            }
          >
            {o.currentPlan}
            {planDetail}
          </Field>
          {onFree ? (
            <Field label="Billing">No bill: the Free plan costs nothing</Field>
          ) : o.billingPeriod ? (
            <Field label="Billing" action={paid ? <Link onClick={props.onChangeBilling}>Change</Link> : null}>
              {periodName(o.billingPeriod)}
            </Field>
          ) : null}
          <Field
            label="Users"
            action={paid ? <Link onClick={() => props.onChoosePlans("change-users")}>Change</Link> : null}
          >
            {usersLine(o, onFree)}
          </Field>
          {o.nextBillingAt && !onFree ? (
            <Field label="Next Billing">
              {formatDate(o.nextBillingAt)}
              {o.nextBillingAmount !== null ? `: ${formatMoney(o.nextBillingAmount, o.currency)}` : ""}
            </Field>
          ) : null}
          {o.state === "non_renewing" && !onFree ? <Field label="Ends">{formatDate(o.currentTermEnd)}</Field> : null}
        </div>
        {onFree && o.seats !== null ? (
          <div>
            The Free plan is for at most {usersText(o.seats)}. To give more users a role, Buy Now and choose a paid
            plan; nothing is billed before you do.
          </div>
        ) : null}
        {o.state === "trial_expired" ? (
          <MessageCard severity={MessageCardSeverity.Warning}>
            The trial has ended: users cannot use Timetracker until a plan is bought. All data is kept.
          </MessageCard>
        ) : null}
        {o.state === "cancelled" ? (
          <MessageCard severity={MessageCardSeverity.Warning}>
            The subscription is cancelled: users cannot use Timetracker until a plan is bought. All data is kept.
          </MessageCard>
        ) : null}
        <div className="flex-row rhythm-horizontal-8 flex-center">
          {paid ? null : <Button primary text="Buy Now" onClick={() => props.onChoosePlans("buy")} />}
          {o.canCancel && !onFree ? <Link onClick={props.onCancel}>Cancel Subscription</Link> : null}
        </div>
      </div>
    </Card>
  );
}

function usersLine(o: SubscriptionOverview, onFree: boolean): string {
  if (o.seats === null) return `${usersText(o.licensed)} licensed`;
  return onFree
    ? `${o.licensed} licensed of ${o.seats}, the Free plan's limit`
    : `${o.licensed} licensed of ${o.seats} assignable`;
}
