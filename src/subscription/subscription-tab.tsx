import * as React from "react";
import { AsyncContent } from "../components/async-content";
import {
  billingService,
  newRequestId,
  type PlanOffer,
  type PlansResponse,
  type SubscriptionOverview,
} from "../services/billing-service";
import { openLicensedList } from "../services/navigation";
import { ActivationInfo } from "./activation-info";
import { CancelDialog } from "./cancel-dialog";
import { CheckoutWait, OrderTotal } from "./checkout-steps";
import { initialPeriod, purposeForUsers, type Purpose, type View } from "./flow";
import { OrderView } from "./order-view";
import { FREE_HINT_DAYS } from "./plan-card";
import { PlanSelection } from "./plan-selection";
import { useAction } from "../common/use-action";
import { useLoaded } from "./use-loaded";
import { useLatest } from "../common/use-latest";

export interface SubscriptionTabProps {
  view: View;
  onViewChange: (view: View) => void;
  /** Told whenever the Activation Information changes (the trial bar goes once a plan is bought). */
  onOverview: (overview: SubscriptionOverview) => void;
}

const NOTICES = {
  bought: "Thank you! Your subscription is active.",
  changed: "Your subscription was changed.",
  cancelled: "Your subscription was cancelled. All data is kept.",
  free: "The Free plan is applied and active.",
};

/** The Subscription tab: Activation Information and the steps of buying and changing. */
export function SubscriptionTab(props: SubscriptionTabProps): JSX.Element {
  const { view, onViewChange: go } = props;
  const [overview, controls] = useLoaded(() => billingService.overview());
  const loaded = overview.status === "ready" ? overview.value : undefined;
  // Told once per answer, not again because the parent passes a new callback on every render.
  const onOverview = useLatest(props.onOverview);
  React.useEffect(() => {
    if (loaded) onOverview.current(loaded);
  }, [loaded, onOverview]);
  const [cancelling, setCancelling] = React.useState(false);
  const done = (notice: string) => (next: SubscriptionOverview) => {
    controls.set(next);
    go({ name: "overview", notice });
  };
  const freeRequestId = React.useMemo(newRequestId, [view.name]);
  const switchToFree = useAction(() => billingService.switchToFree(freeRequestId), done(NOTICES.free));

  return (
    <AsyncContent state={overview}>
      {(o) => {
        const choosePlans = (purpose: Purpose) => go({ name: "plans", purpose });
        const choose = (purpose: Purpose) => (offer: PlanOffer, plans: PlansResponse) => {
          if (offer.plan === "free") return switchToFree.run();
          go({
            name: "order",
            draft: { purpose, plan: offer.plan, seats: plans.seats, period: initialPeriod(purpose, o.billingPeriod) },
          });
        };
        // Opened for a number of users: their plan selection, to change the users of a paid plan or to buy one.
        const shown: Exclude<View, { name: "requested" }> =
          view.name === "requested" ? { name: "plans", purpose: purposeForUsers(o), seats: view.seats } : view;
        switch (shown.name) {
          case "plans":
            return (
              <PlanSelection
                purpose={shown.purpose}
                seats={shown.seats}
                onSeatsChange={(seats) => go({ ...shown, seats })}
                onChoose={choose(shown.purpose)}
                onBack={() => go({ name: "overview" })}
                onOpenPermissions={() => void openLicensedList({ source: null, inactiveDays: FREE_HINT_DAYS })}
                busy={switchToFree.busy}
                error={switchToFree.error}
              />
            );
          case "order":
            return (
              <OrderView
                draft={shown.draft}
                onPeriodChange={(period) => go({ name: "order", draft: { ...shown.draft, period } })}
                onCheckout={(quote) =>
                  go({ name: "total", draft: shown.draft, amount: quote.order.amount, currency: quote.order.currency })
                }
                onChanged={done(NOTICES.changed)}
                onBack={() =>
                  shown.draft.purpose === "change-billing"
                    ? go({ name: "overview" })
                    : go({ name: "plans", purpose: shown.draft.purpose, seats: shown.draft.seats })
                }
              />
            );
          case "total":
            return (
              <OrderTotal
                draft={shown.draft}
                amount={shown.amount}
                currency={shown.currency}
                onStarted={(hostedPageId, url) => go({ name: "checkout", hostedPageId, url })}
                onBack={() => go({ name: "order", draft: shown.draft })}
              />
            );
          case "checkout":
            return (
              <CheckoutWait
                hostedPageId={shown.hostedPageId}
                url={shown.url}
                onConfirmed={done(NOTICES.bought)}
                onEnded={(notice) => go({ name: "overview", notice: notice || undefined })}
              />
            );
          default:
            return (
              <>
                <ActivationInfo
                  overview={o}
                  notice={shown.notice}
                  onChoosePlans={choosePlans}
                  onChangeBilling={() =>
                    o.plan && o.seats
                      ? go({
                          name: "order",
                          draft: {
                            purpose: "change-billing",
                            plan: o.plan,
                            seats: o.seats,
                            period: initialPeriod("change-billing", o.billingPeriod),
                          },
                        })
                      : undefined
                  }
                  onCancel={() => setCancelling(true)}
                />
                {cancelling ? (
                  <CancelDialog
                    currentTermEnd={o.currentTermEnd}
                    onDismiss={() => setCancelling(false)}
                    onCancelled={(next) => {
                      setCancelling(false);
                      done(NOTICES.cancelled)(next);
                    }}
                  />
                ) : null}
              </>
            );
        }
      }}
    </AsyncContent>
  );
}
