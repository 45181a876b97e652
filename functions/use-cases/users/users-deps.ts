import type { ExpiringCache } from "../../auth/expiring-cache";
import type { SlidingWindowLimiter } from "../../domain/rate-limit";
import type { ApiTokenStore } from "../../ports/api-token-store";
import type { AuditLog } from "../../ports/audit-log";
import type { MemberActivity } from "../../ports/member-activity";
import type { GroupRuleStore } from "../../ports/group-rule-store";
import type { RuleHolderIndex } from "../../ports/rule-holder-index";
import type { MemberRoster } from "../../ports/member-roster";
import type { OrgDirectory } from "../../ports/org-directory";
import type { OrgStore } from "../../ports/org-store";
import type { SeatCommitStore } from "../../ports/seat-commit";
import type { SeatCostPort } from "../../ports/seat-cost";
import type { SeatLedgerStore } from "../../ports/seat-ledger-store";
import type { ServiceAccountStore } from "../../ports/service-account-store";
import type { SubscriptionLinkSettings } from "./subscription-link";

/** App settings user management needs: where its pages live, and the key of stored secrets. */
export interface UsersSettings extends SubscriptionLinkSettings {
  /** AES-GCM key of the service account's PAT, base64 of 32 bytes. */
  secretsKey: string;
}

/** Why a REST token's owner may manage users: their Timetracker role, or as a Project Collection Administrator. */
export type OwnerAuthority = "role" | "pca";

/** What the user-management use-cases work with; functions/app builds the real ones. */
export interface UsersDeps {
  orgs: OrgStore;
  /** Every read of member records; writes go through `commits` only. */
  roster: MemberRoster;
  /** When members last tracked time or opened Timetracker (stamps beside the seat protocol). */
  activity: MemberActivity;
  ledgers: SeatLedgerStore;
  /** Ledger, members and audit entry in one transactional batch. */
  commits: SeatCommitStore;
  audit: AuditLog;
  /** Group rules (licenses that follow Azure DevOps groups). */
  rules: GroupRuleStore;
  /** Who holds each rule's part as its last sync left them (a sync's cheap read of its holders). */
  ruleHolders: RuleHolderIndex;
  tokens: ApiTokenStore;
  serviceAccounts: ServiceAccountStore;
  directory: OrgDirectory;
  /** What adding seats costs and what freeing them saves (over billing; functions/app builds it). */
  seatCost: SeatCostPort;
  /** REST API requests per token (in memory, per instance). */
  limiter: SlidingWindowLimiter;
  /** Whether a token's owner may still manage users, briefly. */
  ownerAuthority: ExpiringCache<OwnerAuthority>;
  settings: UsersSettings;
  now: () => Date;
  randomBytes: (size: number) => Buffer;
  newId: () => string;
  /** Bookkeeping failures that must not fail a request (use-cases/record-activity.ts). */
  warn: (line: string) => void;
  /** Waits between retries of a contended write. */
  sleep: (ms: number) => Promise<void>;
}
