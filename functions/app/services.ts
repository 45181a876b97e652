import { CosmosDatabase } from "../adapters/cosmos/cosmos-client";
import { CosmosHealth } from "../adapters/cosmos/cosmos-health";
import { CosmosMemberStore } from "../adapters/cosmos/cosmos-member-store";
import { CosmosOrgStore } from "../adapters/cosmos/cosmos-org-store";
import { DevopsCallerDirectory } from "../adapters/devops/caller-directory";
import type { AppTokenClaims } from "../auth/app-token";
import { ExpiringCache } from "../auth/expiring-cache";
import type { CallerDirectory } from "../ports/directory";
import type { StoreHealth } from "../ports/health";
import type { MemberStore } from "../ports/member-store";
import type { OrgStore } from "../ports/org-store";
import { loadConfig, type Config } from "./config";

/**
 * The one wiring module: builds the real adapters from configuration, once per process.
 * Feature modules add their own adapters with `provide()` so this file stays small.
 */
export interface Services {
  config: Config;
  now: () => Date;
  db: CosmosDatabase;
  health: StoreHealth;
  orgs: OrgStore;
  members: MemberStore;
  callerDirectory: CallerDirectory;
  /**
   * App tokens this instance has verified, by digest, until they expire: a page sends the
   * same token with every call, and checking its signature again costs more than the rest
   * of the access check. A token that fails is never remembered.
   */
  appTokenCache: ExpiringCache<AppTokenClaims>;
  /** Proven (app token, access token, org) bindings until the tokens expire. */
  bindingCache: ExpiringCache<unknown>;
  /** PCA answers per user and org, briefly. */
  pcaCache: ExpiringCache<boolean>;
}

function buildServices(config: Config): Services {
  const db = new CosmosDatabase(config.cosmos);
  return {
    config,
    now: () => new Date(),
    db,
    health: new CosmosHealth(db),
    orgs: new CosmosOrgStore(db),
    members: new CosmosMemberStore(db),
    callerDirectory: new DevopsCallerDirectory(config.devops),
    appTokenCache: new ExpiringCache(),
    bindingCache: new ExpiringCache(),
    pcaCache: new ExpiringCache(),
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

/** Declares a feature-level dependency built from the wiring, memoised per wiring instance. */
export function provide<T>(factory: (base: Services) => T): () => T {
  const built = new WeakMap<Services, T>();
  return () => {
    const base = services();
    let value = built.get(base);
    if (value === undefined) {
      value = factory(base);
      built.set(base, value);
    }
    return value;
  };
}
