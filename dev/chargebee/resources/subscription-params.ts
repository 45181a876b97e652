import type { Subscription } from "chargebee";
import type { ChangeOptions } from "../change";
import { invalidState, notModelled } from "../errors";
import type { FormReader } from "../form-reader";
import type { CancelOptions } from "../operations/cancel";
import { readPlanItems } from "../plan-items";
import type { Store } from "../store";
import { planOf } from "../subscription-record";

/** Parameters shared by `subscriptions/{id}/update_for_items` and its estimate. */
export function readChangeOptions(store: Store, subscription: Subscription, body: FormReader): ChangeOptions {
  if (subscription.status === "cancelled") {
    throw invalidState(`Subscription ${subscription.id} is cancelled; start a new subscription instead.`);
  }
  const changeOption = body.oneOf("change_option", ["immediately", "end_of_term", "specific_date"] as const);
  if (
    body.boolean("end_of_term") ||
    body.has("changes_scheduled_at") ||
    (changeOption !== undefined && changeOption !== "immediately")
  ) {
    throw notModelled("end_of_term", "Scheduling a change for later");
  }
  // With a single plan per subscription, the new plan replaces the old one either way.
  body.boolean("replace_items_list");
  return {
    next: readPlanItems(store, body, planOf(store, subscription)),
    prorate: body.boolean("prorate") ?? true,
    invoiceImmediately: body.boolean("invoice_immediately") ?? true,
    forceTermReset: body.boolean("force_term_reset") ?? false,
  };
}

/** Parameters shared by `subscriptions/{id}/cancel_for_items` and its estimate. */
export function readCancelOptions(body: FormReader): CancelOptions {
  const option = body.oneOf("cancel_option", [
    "immediately",
    "end_of_term",
    "specific_date",
    "end_of_billing_term",
  ] as const);
  if (option === "specific_date" || body.has("cancel_at"))
    throw notModelled("cancel_option", "Cancelling on a specific date");
  const endOfTerm = body.boolean("end_of_term") ?? (option === "end_of_term" || option === "end_of_billing_term");
  return {
    endOfTerm,
    creditOption: body.oneOf("credit_option_for_current_term_charges", ["none", "prorate", "full"] as const) ?? "none",
    unbilledCharges: body.oneOf("unbilled_charges_option", ["invoice", "delete"] as const) ?? "invoice",
  };
}
