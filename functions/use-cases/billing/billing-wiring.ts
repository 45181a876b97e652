import { chargebeeBilling } from "../../adapters/chargebee/chargebee-billing";
import { chargebeeWebhooks } from "../../adapters/chargebee/chargebee-webhooks";
import { CosmosWebhookEventLog } from "../../adapters/cosmos/cosmos-webhook-event-log";
import { provide } from "../../app/services";
import { ExpiringCache } from "../../auth/expiring-cache";
import type { Catalog } from "../../domain/pricing";

/** Billing's adapters, built once per wiring from the app settings. */
export const billingProvider = provide((s) => chargebeeBilling(s.config.chargebee));
export const billingWebhooks = provide((s) => chargebeeWebhooks(s.config.webhook));
export const webhookEventLog = provide((s) => new CosmosWebhookEventLog(s.db));
/** Chargebee's catalog, kept briefly: prices change rarely and every page view needs them. */
export const catalogCache = provide(() => new ExpiringCache<Catalog>(1));
