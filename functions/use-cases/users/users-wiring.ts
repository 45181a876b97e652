import { randomBytes, randomUUID } from "node:crypto";
import { CosmosApiTokenStore } from "../../adapters/cosmos/cosmos-api-token-store";
import { CosmosAuditLog } from "../../adapters/cosmos/cosmos-audit-log";
import { CosmosMemberRoster } from "../../adapters/cosmos/cosmos-member-roster";
import { CosmosSeatCommitStore } from "../../adapters/cosmos/cosmos-seat-commit";
import { CosmosSeatLedgerStore } from "../../adapters/cosmos/cosmos-seat-ledger-store";
import { CosmosServiceAccountStore } from "../../adapters/cosmos/cosmos-service-token-store";
import { DevopsOrgDirectory } from "../../adapters/devops/org-directory";
import { provide } from "../../app/services";
import { ExpiringCache } from "../../auth/expiring-cache";
import { REST_API_WINDOWS, SlidingWindowLimiter } from "../../domain/rate-limit";
import type { UsersDeps } from "./users-deps";

/** The real adapters behind user management, built once per wiring (the composition root). */
export const usersDeps = provide(
  (s): UsersDeps => ({
    s,
    roster: new CosmosMemberRoster(s.db),
    ledgers: new CosmosSeatLedgerStore(s.db),
    commits: new CosmosSeatCommitStore(s.db),
    audit: new CosmosAuditLog(s.db),
    tokens: new CosmosApiTokenStore(s.db),
    serviceAccounts: new CosmosServiceAccountStore(s.db),
    directory: new DevopsOrgDirectory(s.config.devops),
    limiter: new SlidingWindowLimiter(REST_API_WINDOWS),
    ownerAuthority: new ExpiringCache(),
    randomBytes,
    newId: randomUUID,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }),
);
