import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Card } from "azure-devops-ui/Card";
import { Link } from "azure-devops-ui/Link";
import type { BillingPeriod, PlanOffer } from "../services/billing-service";
import { annualSaving, billedText, planUsersText, rateText, usersText } from "./format";

export interface PlanCardProps {
  offer: PlanOffer;
  /** The users the plans are priced for (Users Assignable). */
  seats: number;
  /** The period prices are shown for: the current one, or Annual Billing for a purchase. */
  period: BillingPeriod;
  /** The card's button ("Buy", "Upgrade", "Continue", "Switch"…); null for none. */
  action: string | null;
  busy: boolean;
  onAction: () => void;
  onOpenPermissions: () => void;
}

/** The Free card's way to Permissions opens the licensed list at the users who are easiest to let go. */
export const FREE_HINT_DAYS = 90;

/**
 * One plan of the plan selection with its annual price for the chosen users. A plan that
 * does not fit is greyed out with the reason; Free's reason links to Permissions, where
 * users are set to None to bring the count down, filtered to those with no time tracked in
 * 90 days (Select all, then None).
 */
export function PlanCard(props: PlanCardProps): JSX.Element {
  const { offer } = props;
  const price = offer.prices[props.period] ?? offer.prices.yearly ?? offer.prices.monthly;
  const greyed = !offer.fit.fits;
  return (
    <Card
      className={`plan-card${greyed ? " plan-card-unavailable" : ""}`}
      contentProps={{ contentPadding: true }}
      titleProps={{ text: offer.name, ariaLevel: 3 }}
    >
      <div className="flex-column rhythm-vertical-8">
        <div
          className="flex-column rhythm-vertical-8"
          role="group"
          aria-label={`${offer.name} plan`}
          aria-disabled={greyed}
          style={greyed ? { opacity: 0.55 } : undefined}
        >
          <div className="secondary-text">{planUsersText(offer)}</div>
          {price ? (
            <>
              <div className="title-s">{offer.plan === "free" ? "Free" : rateText(price)}</div>
              {offer.plan === "free" ? null : (
                <div className="secondary-text">
                  {price.seats === props.seats
                    ? billedText(price)
                    : `From ${billedText(price)} for ${usersText(price.seats)}`}
                </div>
              )}
              {offer.prices.yearly && offer.prices.monthly ? (
                <div className="secondary-text">{annualSaving(offer.prices.yearly, offer.prices.monthly)}</div>
              ) : null}
            </>
          ) : (
            <div className="secondary-text">No price available</div>
          )}
          {!offer.fit.fits ? <div className="plan-card-reason">{offer.fit.reason}</div> : null}
          {offer.move === "current" ? <div className="secondary-text">Your current plan</div> : null}
          {props.action && !greyed ? (
            <div>
              <Button
                primary
                text={props.action}
                ariaLabel={`${props.action} ${offer.name}`}
                disabled={props.busy}
                onClick={props.onAction}
              />
            </div>
          ) : null}
        </div>
        {/* Outside the greyed group: the way out is not disabled with the plan. */}
        {greyed && offer.plan === "free" ? (
          <Link
            onClick={props.onOpenPermissions}
          >{`Permissions: users with no time tracked in ${FREE_HINT_DAYS} days`}</Link>
        ) : null}
      </div>
    </Card>
  );
}
