import { randomBytes, randomUUID } from "node:crypto";
import { chargebeeBilling } from "../adapters/chargebee/chargebee-billing";
import { chargebeeWebhooks } from "../adapters/chargebee/chargebee-webhooks";
import { CosmosActivityTypeStore } from "../adapters/cosmos/cosmos-activity-type-store";
import { CosmosApiTokenStore } from "../adapters/cosmos/cosmos-api-token-store";
import { CosmosAuditLog } from "../adapters/cosmos/cosmos-audit-log";
import { CosmosDatabase } from "../adapters/cosmos/cosmos-client";
import { CosmosHealth } from "../adapters/cosmos/cosmos-health";
import { CosmosMemberActivity } from "../adapters/cosmos/cosmos-member-activity";
import { CosmosGroupRuleStore } from "../adapters/cosmos/cosmos-group-rule-store";
import { CosmosRuleHolderIndex } from "../adapters/cosmos/cosmos-rule-holder-index";
import { RememberedRuleHolderIndex } from "../adapters/cosmos/remembered-rule-holders";
import { CosmosMemberRoster } from "../adapters/cosmos/cosmos-member-roster";
import { CosmosOrgStore } from "../adapters/cosmos/cosmos-org-store";
import { CosmosSeatCommitStore } from "../adapters/cosmos/cosmos-seat-commit";
import { CosmosSeatLedgerStore } from "../adapters/cosmos/cosmos-seat-ledger-store";
import { CosmosServiceAccountStore } from "../adapters/cosmos/cosmos-service-token-store";
import { CosmosTimerStore } from "../adapters/cosmos/cosmos-timer-store";
import { CosmosWebhookEventLog } from "../adapters/cosmos/cosmos-webhook-event-log";
import { CosmosWorklogStore } from "../adapters/cosmos/cosmos-worklog-store";
import { DevopsCallerDirectory } from "../adapters/devops/caller-directory";
import { DevopsOrgDirectory } from "../adapters/devops/org-directory";
import { DevopsWorkItemDirectory } from "../adapters/devops/work-items";
import { CachedWorkItemDirectory } from "../adapters/devops/work-items-cache";
import type { AuthDeps } from "../auth/authenticate-user";
import { ExpiringCache } from "../auth/expiring-cache";
import { REST_API_WINDOWS, SlidingWindowLimiter } from "../domain/rate-limit";
import type { StoreHealth } from "../ports/health";
import type { OrgStore } from "../ports/org-store";
import type { BillingDeps } from "../use-cases/billing/billing-deps";
import { costOfUsers, monthlySavingOfSeats } from "../use-cases/billing/seat-cost";
import type { TimeDeps } from "../use-cases/time/time-deps";
import { countLicensed } from "../use-cases/users/count-licensed";
import type { UsersDeps } from "../use-cases/users/users-deps";
import { loadConfig, type Config } from "./config";

/**
 * The composition root: the only place that builds adapters. Each feature's use-cases get
 * their ports from here (handlers pass them on), once per process, so every in-memory copy
 * (verified tokens, recent reads, the catalog) is shared by all requests of an instance.
 */
export interface Services {
  config: Config;
  /** The store itself, for the local host and tests; no handler or use-case touches it. */
  db: CosmosDatabase;
  orgs: OrgStore;
  health: StoreHealth;
  auth: AuthDeps;
  users: UsersDeps;
  time: TimeDeps;
  billing: BillingDeps;
}

function buildServices(config: Config): Services {
  const db = new CosmosDatabase(config.cosmos);
  const now = () => new Date();
  const orgs = new CosmosOrgStore(db);
  const roster = new CosmosMemberRoster(db);
  const activity = new CosmosMemberActivity(db);
  // Bookkeeping that failed (activity stamps): the Functions host keeps console output in its log.
  const warn = (line: string) => console.warn(line);
  const users: UsersDeps = {
    orgs,
    roster,
    activity,
    ledgers: new CosmosSeatLedgerStore(db),
    commits: new CosmosSeatCommitStore(db),
    audit: new CosmosAuditLog(db),
    rules: new CosmosGroupRuleStore(db),
    ruleHolders: new RememberedRuleHolderIndex(new CosmosRuleHolderIndex(db)),
    tokens: new CosmosApiTokenStore(db),
    serviceAccounts: new CosmosServiceAccountStore(db),
    directory: new DevopsOrgDirectory(config.devops),
    // Over the billing use-cases (built below; called only once a request runs).
    seatCost: {
      forUsers: (orgId, count) => costOfUsers(billing, orgId, count),
      monthlySaving: (orgId, seats) => monthlySavingOfSeats(billing, orgId, seats),
    },
    limiter: new SlidingWindowLimiter(REST_API_WINDOWS),
    ownerAuthority: new ExpiringCache(),
    settings: {
      publicBaseUrl: config.publicBaseUrl,
      extensionId: config.appToken.audiences[0] ?? "timetracker-oss.timetracker",
      secretsKey: config.secretsKey,
    },
    now,
    randomBytes,
    newId: randomUUID,
    warn,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  const time: TimeDeps = {
    orgs,
    worklogs: new CosmosWorklogStore(db),
    timers: new CosmosTimerStore(db),
    activityTypes: new CosmosActivityTypeStore(db),
    workItems: new CachedWorkItemDirectory(new DevopsWorkItemDirectory(config.devops), () => now().getTime()),
    roster,
    activity,
    now,
    newId: randomUUID,
    warn,
  };
  let provider: ReturnType<typeof chargebeeBilling> | undefined;
  let webhooks: ReturnType<typeof chargebeeWebhooks> | undefined;
  const billing: BillingDeps = {
    orgs,
    now,
    // Built on first use: pages without Chargebee calls work while billing is not configured.
    provider: () => (provider ??= chargebeeBilling(config.chargebee)),
    webhooks: () => (webhooks ??= chargebeeWebhooks(config.webhook)),
    eventLog: new CosmosWebhookEventLog(db),
    catalog: new ExpiringCache(1),
    access: users,
    licensedCount: (orgId, defaultRole) => countLicensed(users, orgId, defaultRole),
  };
  return {
    config,
    db,
    orgs,
    health: new CosmosHealth(db),
    auth: {
      appToken: config.appToken,
      callerDirectory: new DevopsCallerDirectory(config.devops),
      now,
      appTokenCache: new ExpiringCache(),
      bindingCache: new ExpiringCache(),
      pcaCache: new ExpiringCache(),
    },
    users,
    time,
    billing,
  };
}

let current: Services | undefined;

export function services(): Services {
  current ??= buildServices(loadConfig());
  return current;
}

/** Drops the current wiring so the next call reads the environment again (local host, tests). */
export function resetServices(): void {
  current?.db.dispose();
  current = undefined;
}
