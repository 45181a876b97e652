import * as React from "react";
import { Link } from "azure-devops-ui/Link";
import { openSubscriptionPage } from "../services/navigation";
import type { SeatSummary } from "../services/users-service";

/** "12 licensed · 8 of 20 seats available", with the way to more seats. */
export function SeatSummaryText(props: { seats: SeatSummary; isPca: boolean }): JSX.Element {
  const { licensed, limit, available } = props.seats;
  const seats = limit === null ? "unlimited seats during the trial" : `${available ?? 0} of ${limit} seats available`;
  return (
    <div className="flex-row flex-center rhythm-horizontal-8 seat-summary" aria-live="polite">
      <span>
        <span className="font-weight-semibold">{licensed.toLocaleString("en")} licensed</span> · {seats}
      </span>
      {props.isPca && limit !== null ? (
        <Link href="#" onClick={(e) => (e.preventDefault(), void openSubscriptionPage())}>
          Subscription
        </Link>
      ) : null}
    </div>
  );
}
