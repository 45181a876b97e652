import { UpstreamError } from "../../domain/errors";
import type { BillingPeriod, PlanId } from "../../domain/org";
import { planName } from "../../domain/plans";
import { findPrice, type Catalog, type PlanPrice } from "../../domain/pricing";
import type { BillingContext } from "./billing-context";

const CATALOG_TTL_MS = 60_000;

/** Chargebee's plan prices, cached for a minute. */
export function loadCatalog(ctx: Pick<BillingContext, "deps" | "billing">): Promise<Catalog> {
  const { catalog, now } = ctx.deps;
  return catalog.getOrLoad("catalog", async () => ({
    value: await ctx.billing().listPrices(),
    expiresAt: now().getTime() + CATALOG_TTL_MS,
  }));
}

/** The catalog's price for a plan and period; a gap in the catalog is Chargebee's (or setup's) problem. */
export function requirePrice(catalog: Catalog, plan: PlanId, period: BillingPeriod): PlanPrice {
  const price = findPrice(catalog, plan, period);
  if (!price) {
    throw new UpstreamError(
      `Chargebee's price list has no ${period === "yearly" ? "annual" : "monthly"} price for the ${planName(plan)} plan, so it cannot be bought right now.`,
    );
  }
  return price;
}
