import type { Services } from "../../app/services";
import type { ExpiringCache } from "../../auth/expiring-cache";
import type { SlidingWindowLimiter } from "../../domain/rate-limit";
import type { ApiTokenStore } from "../../ports/api-token-store";
import type { AuditLog } from "../../ports/audit-log";
import type { MemberRoster } from "../../ports/member-roster";
import type { OrgDirectory } from "../../ports/org-directory";
import type { SeatCommitStore } from "../../ports/seat-commit";
import type { SeatLedgerStore } from "../../ports/seat-ledger-store";
import type { ServiceAccountStore } from "../../ports/service-account-store";

/** What the user-management use-cases work with; users-wiring builds the real ones. */
export interface UsersDeps {
  s: Services;
  roster: MemberRoster;
  ledgers: SeatLedgerStore;
  /** Ledger, members and audit entry in one transactional batch. */
  commits: SeatCommitStore;
  audit: AuditLog;
  tokens: ApiTokenStore;
  serviceAccounts: ServiceAccountStore;
  directory: OrgDirectory;
  /** REST API requests per token (in memory, per instance). */
  limiter: SlidingWindowLimiter;
  /** Whether a token's owner may still manage users, briefly. */
  ownerAuthority: ExpiringCache<boolean>;
  randomBytes: (size: number) => Buffer;
  newId: () => string;
  /** Waits between retries of a contended write. */
  sleep: (ms: number) => Promise<void>;
}
