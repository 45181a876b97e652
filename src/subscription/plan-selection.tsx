import "./subscription.css";
import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { FormItem } from "azure-devops-ui/FormItem";
import { TextField } from "azure-devops-ui/TextField";
import { AsyncContent } from "../components/async-content";
import { ErrorCard } from "../components/error-card";
import { billingService, type PlanOffer, type PlansResponse } from "../services/billing-service";
import { planButtonLabel, type Purpose } from "./flow";
import { PlanCard } from "./plan-card";
import { useLoaded } from "./use-loaded";
import { useLatest } from "../common/use-latest";

export interface PlanSelectionProps {
  purpose: Purpose;
  /** Undefined: start from the users licensed now. */
  seats: number | undefined;
  onSeatsChange: (seats: number) => void;
  onChoose: (offer: PlanOffer, plans: PlansResponse) => void;
  onBack: () => void;
  onOpenPermissions: () => void;
  /** A Switch to Free in progress, and its failure. */
  busy: boolean;
  error: Error | null;
}

/** Waits for typing to settle before asking for prices again. */
const SEATS_DEBOUNCE_MS = 300;

/**
 * The plan selection: Users Assignable (defaults to the users licensed now) and every plan
 * priced for that many users; plans that don't fit are greyed out with the reason.
 */
export function PlanSelection(props: PlanSelectionProps): JSX.Element {
  const { seats: chosenSeats } = props;
  const [text, setText] = React.useState(chosenSeats === undefined ? "" : String(chosenSeats));
  const [state] = useLoaded(() => billingService.plans(chosenSeats), chosenSeats);
  const loadedSeats = state.status === "ready" ? state.value.seats : undefined;
  // Fill an empty field with the count the prices are for, once it is known.
  React.useEffect(() => {
    if (loadedSeats !== undefined) setText((current) => (current === "" ? String(loadedSeats) : current));
  }, [loadedSeats]);

  // The parent passes a new callback on every render: the debounce must not restart for that.
  const onSeatsChange = useLatest(props.onSeatsChange);
  React.useEffect(() => {
    const seats = Number(text);
    if (text === "" || !Number.isInteger(seats) || seats < 1 || seats === (chosenSeats ?? loadedSeats)) return;
    const timer = setTimeout(() => onSeatsChange.current(seats), SEATS_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, chosenSeats, loadedSeats, onSeatsChange]);

  const invalid = text !== "" && (!/^\d+$/.test(text) || Number(text) < 1);
  return (
    <div className="flex-column rhythm-vertical-16">
      <div className="flex-row rhythm-horizontal-16 flex-end">
        <FormItem
          label="Users Assignable"
          error={invalid}
          message={invalid ? "Enter a whole number of users, at least 1." : undefined}
        >
          <TextField
            inputType="number"
            value={text}
            onChange={(_, value) => setText(value)}
            ariaLabel="Users Assignable"
          />
        </FormItem>
        <Button text="Back" onClick={props.onBack} />
      </div>
      {props.error ? <ErrorCard error={props.error} /> : null}
      <AsyncContent state={state}>
        {(plans) => (
          <div className="flex-column rhythm-vertical-8">
            <div className="secondary-text">
              {plans.licensed === 1 ? "1 user is" : `${plans.licensed.toLocaleString("en")} users are`} licensed now.
            </div>
            <div className="plan-cards">
              {plans.offers.map((offer) => (
                <PlanCard
                  key={offer.plan}
                  offer={offer}
                  seats={plans.seats}
                  period={plans.current?.period ?? "yearly"}
                  action={planButtonLabel(
                    props.purpose,
                    offer,
                    plans.current !== null && plans.current.seats !== plans.seats,
                  )}
                  busy={props.busy}
                  onAction={() => props.onChoose(offer, plans)}
                  onOpenPermissions={props.onOpenPermissions}
                />
              ))}
            </div>
          </div>
        )}
      </AsyncContent>
    </div>
  );
}
