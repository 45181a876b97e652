import type { BillingProvider } from "../../ports/billing";
import { chargebeeAccount } from "./chargebee-account";
import { createChargebeeClient, type ChargebeeOptions } from "./chargebee-client";
import { chargebeeSubscriptions } from "./chargebee-subscriptions";

/** The billing port over Chargebee (a real site, or the local stand-in through the same settings). */
export function chargebeeBilling(config: ChargebeeOptions): BillingProvider {
  const client = createChargebeeClient(config);
  return { ...chargebeeSubscriptions(client), ...chargebeeAccount(client) };
}
