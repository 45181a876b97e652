import type { ExpiringCache } from "../../auth/expiring-cache";
import type { Catalog } from "../../domain/pricing";
import type { Role } from "../../domain/roles";
import type { BillingProvider, BillingWebhooks } from "../../ports/billing";
import type { OrgStore } from "../../ports/org-store";
import type { WebhookEventLog } from "../../ports/webhook-event-log";
import type { AccessDeps } from "../caller-access";

/** What the subscription use-cases work with; functions/app builds the real ones. */
export interface BillingDeps {
  orgs: OrgStore;
  now: () => Date;
  /** Built on first use, so pages without Chargebee calls work while billing is not configured. */
  provider: () => BillingProvider;
  webhooks: () => BillingWebhooks;
  eventLog: WebhookEventLog;
  /** Chargebee's catalog, kept briefly: prices change rarely and every page view needs them. */
  catalog: ExpiringCache<Catalog>;
  /** Who the caller is (billing is for PCAs, whatever their role). */
  access: AccessDeps;
  /** Users holding a license now, from user management's seat ledger. */
  licensedCount: (orgId: string, defaultRole: Role) => Promise<number>;
}

/** What storing Chargebee's word about a subscription needs. */
export type SnapshotStore = Pick<BillingDeps, "orgs" | "now">;
