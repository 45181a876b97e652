import type Chargebee from "chargebee";
import type { ItemPrice } from "chargebee";
import { UpstreamError } from "../../domain/errors";
import type { BillingProvider, CheckoutStatus, OrderLine, SubscriptionFacts } from "../../ports/billing";
import { toPlanPrices } from "./catalog-mapper";
import { idempotent } from "./chargebee-client";
import { chargebeeCall } from "./chargebee-errors";
import { toChangeEstimate } from "./estimate-mapper";
import { toSubscriptionFacts } from "./subscription-mapper";

type SubscriptionOps = Pick<
  BillingProvider,
  | "listPrices"
  | "startCheckout"
  | "checkoutStatus"
  | "retrieveSubscription"
  | "estimateChange"
  | "changeSubscription"
  | "cancelSubscription"
  | "createFreeSubscription"
>;

/** Catalog pages we read at most; the catalog has eight plan prices. */
const MAX_CATALOG_PAGES = 10;

function facts(raw: unknown, what: string): SubscriptionFacts {
  const mapped = toSubscriptionFacts(raw);
  if (!mapped)
    throw new UpstreamError(`Chargebee answered ${what} with a subscription that is not a Timetracker plan.`);
  return mapped;
}

const items = (line: OrderLine) => [{ item_price_id: line.price.itemPriceId, quantity: line.seats }];

/** Proration as the product promises: an upgrade is invoiced at once, a downgrade credited. */
const PRORATED_CHANGE = { replace_items_list: true, prorate: true, invoice_immediately: true } as const;

export function chargebeeSubscriptions(cb: Chargebee): SubscriptionOps {
  return {
    async listPrices() {
      const prices: ItemPrice[] = [];
      let offset: string | undefined;
      for (let page = 0; page < MAX_CATALOG_PAGES; page++) {
        const result = await chargebeeCall("reading the price list", () =>
          cb.itemPrice.list({ limit: 100, ...(offset ? { offset } : {}) }),
        );
        prices.push(...result.list.map((entry) => entry.item_price));
        offset = result.next_offset;
        if (!offset) break;
      }
      return toPlanPrices(prices);
    },

    async startCheckout(order, key) {
      const { customer } = order;
      const result = await chargebeeCall("opening the checkout", () =>
        cb.hostedPage.checkoutNewForItems(
          {
            subscription_items: items(order),
            customer: order.existingCustomer
              ? { id: customer.id }
              : {
                  id: customer.id,
                  email: customer.email,
                  first_name: customer.firstName,
                  last_name: customer.lastName,
                  company: customer.company,
                },
          },
          idempotent(key),
        ),
      );
      const page = result.hosted_page;
      if (!page.id || !page.url) throw new UpstreamError("Chargebee opened a checkout without an address to show it.");
      return {
        id: page.id,
        url: page.url,
        expiresAt: page.expires_at ? new Date(page.expires_at * 1000).toISOString() : null,
      };
    },

    async checkoutStatus(hostedPageId): Promise<CheckoutStatus> {
      const { hosted_page: page } = await chargebeeCall("checking the checkout", () =>
        cb.hostedPage.retrieve(hostedPageId),
      );
      if (page.state === "succeeded" || page.state === "acknowledged") {
        const content = page.content as { subscription?: unknown } | undefined;
        const subscription = facts(content?.subscription, "the checkout");
        return { state: "succeeded", subscription };
      }
      if (page.state === "cancelled") return { state: "cancelled" };
      if (page.expires_at !== undefined && page.expires_at * 1000 < Date.now()) return { state: "expired" };
      return { state: "open" };
    },

    async retrieveSubscription(subscriptionId) {
      const result = await chargebeeCall("reading the subscription", () => cb.subscription.retrieve(subscriptionId));
      return facts(result.subscription, "reading the subscription");
    },

    async estimateChange(subscriptionId, change) {
      const result = await chargebeeCall("estimating the change", () =>
        cb.estimate.updateSubscriptionForItems({
          subscription: { id: subscriptionId },
          subscription_items: items(change),
          ...PRORATED_CHANGE,
        }),
      );
      return toChangeEstimate(result.estimate);
    },

    async changeSubscription(subscriptionId, change, key) {
      const result = await chargebeeCall("changing the subscription", () =>
        cb.subscription.updateForItems(
          subscriptionId,
          { subscription_items: items(change), ...PRORATED_CHANGE },
          idempotent(key),
        ),
      );
      return facts(result.subscription, "the change");
    },

    async cancelSubscription(subscriptionId, when, key) {
      const result = await chargebeeCall("cancelling the subscription", () =>
        cb.subscription.cancelForItems(
          subscriptionId,
          // Cancel Immediately credits the unused part of the term; at term end nothing is left to credit.
          when === "immediately"
            ? { end_of_term: false, credit_option_for_current_term_charges: "prorate" }
            : { end_of_term: true },
          idempotent(key),
        ),
      );
      return facts(result.subscription, "the cancellation");
    },

    async createFreeSubscription(customer, line, key) {
      const known = await chargebeeCall("reading the customer", async () => {
        try {
          return (await cb.customer.retrieve(customer.id)).customer;
        } catch (error) {
          if ((error as { http_status_code?: unknown }).http_status_code === 404) return null;
          throw error;
        }
      });
      if (!known) {
        await chargebeeCall("creating the customer", () =>
          cb.customer.create(
            {
              id: customer.id,
              email: customer.email,
              first_name: customer.firstName,
              last_name: customer.lastName,
              company: customer.company,
            },
            idempotent(`${key}-customer`),
          ),
        );
      }
      const result = await chargebeeCall("switching to the Free plan", () =>
        cb.subscription.createWithItems(customer.id, { subscription_items: items(line) }, idempotent(key)),
      );
      return facts(result.subscription, "the switch to Free");
    },
  };
}
