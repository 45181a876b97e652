import type { BackendStack } from "../../../dev/stack";
import { completeCheckout } from "../../integration/billing/support/hosted-checkout";
import { api, type SignedIn } from "../../integration/support/sign-in";

/**
 * Buys the smallest paid plan for `seats` users (Start up to 19, else Team; monthly) for the PCA's org through the hosted checkout, as the
 * Subscription page does, and waits for Chargebee's webhooks to land.
 */
export async function subscribe(stack: BackendStack, pca: SignedIn, seats = 5): Promise<void> {
  const started = await api<{ url: string }>(stack, pca, "POST", "subscription/checkout", {
    plan: seats <= 19 ? "start" : "team",
    period: "monthly",
    seats,
    requestId: `reliability-checkout-${seats}`,
  });
  if (started.status !== 201)
    throw new Error(`Checkout did not start: ${started.status} ${JSON.stringify(started.body)}`);
  await completeCheckout(started.body.url);
  await stack.chargebee!.webhooksIdle();
}
