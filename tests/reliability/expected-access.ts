import type { SweepRole } from "./support/cast";

/**
 * Who may call each route: docs/architecture.md's capability table, route by route. The
 * authorisation sweep fails for any registered route missing here, so a new route cannot
 * ship without a decision on who may use it.
 *
 * - "signed-in": any proven member of the org, even with the None role (the pages need
 *   /api/me to show "This door is locked").
 * - a role: that role or a higher one, licensed; `orPca` also lets PCAs in whatever their role.
 * - "pca": Project Collection Administrators only, whatever their Timetracker role.
 */
export type Access =
  "signed-in" | "pca" | { minimum: "Team" | "Product" | "Budget" | "Administrator"; orPca?: boolean };

const TRACK_TIME: Access = { minimum: "Team" };
const SEE_EVERYONE: Access = { minimum: "Product" };
const MANAGE_SETTINGS: Access = { minimum: "Administrator" };
const SUBSCRIPTION: Access = "pca";
/** Permissions page, REST API tokens: Timetracker Administrators and PCAs (whatever their role). */
const MANAGE_USERS: Access = { minimum: "Administrator", orPca: true };

export const EXPECTED_ACCESS: Record<string, Access> = {
  me: "signed-in",

  // Time tracking: own time for every licensed role; settings for Administrators.
  "worklogs-list": TRACK_TIME,
  "worklogs-create": TRACK_TIME,
  "worklog-read": TRACK_TIME,
  "worklog-update": TRACK_TIME,
  "worklog-delete": TRACK_TIME,
  "timer-current": TRACK_TIME,
  "timer-start": TRACK_TIME,
  "timer-stop": TRACK_TIME,
  "activity-types-list": TRACK_TIME,
  "activity-types-create": MANAGE_SETTINGS,
  "activity-types-update": MANAGE_SETTINGS,
  "time-settings-read": TRACK_TIME,
  "time-settings-update": MANAGE_SETTINGS,
  "time-context": TRACK_TIME,
  "time-people": SEE_EVERYONE,
  "work-item-time": TRACK_TIME,

  // User management (Permissions page) and the REST API's tokens.
  "users-overview": MANAGE_USERS,
  "users-licensed": MANAGE_USERS,
  "users-licensed-rules": MANAGE_USERS,
  "users-licensed-ids": MANAGE_USERS,
  "users-assign-roles": MANAGE_USERS,
  "users-preview-roles": MANAGE_USERS,
  "users-hold-seats": MANAGE_USERS,
  "users-release-seat-hold": MANAGE_USERS,
  "users-default-role": MANAGE_USERS,
  "users-unlicensed": MANAGE_USERS,
  "users-groups": MANAGE_USERS,
  "users-group-members": MANAGE_USERS,
  "users-lookup": MANAGE_USERS,
  "users-audit": MANAGE_USERS,
  "users-service-account-get": MANAGE_USERS,
  // Group rules (the Permissions page's Group rules tab): whoever manages users.
  "users-group-rules-list": MANAGE_USERS,
  "users-group-rules-preview": MANAGE_USERS,
  "users-group-rules-create": MANAGE_USERS,
  "users-group-rules-sync-all": MANAGE_USERS,
  "users-group-rules-delete-preview": MANAGE_USERS,
  "users-group-rules-delete": MANAGE_USERS,
  "users-group-rules-sync": MANAGE_USERS,
  "users-group-rules-confirm-removals": MANAGE_USERS,
  // The organization's service account (a PAT for work without a user): PCAs only.
  "users-service-account-save": "pca",
  "users-service-account-delete": "pca",
  "tokens-list": MANAGE_USERS,
  "tokens-create": MANAGE_USERS,
  "tokens-revoke": MANAGE_USERS,

  // Subscription page: PCAs only.
  "subscription-get": SUBSCRIPTION,
  "subscription-plans": SUBSCRIPTION,
  "subscription-quote": SUBSCRIPTION,
  "subscription-checkout": SUBSCRIPTION,
  "subscription-checkout-sync": SUBSCRIPTION,
  "subscription-change": SUBSCRIPTION,
  "subscription-cancel": SUBSCRIPTION,
  "subscription-free": SUBSCRIPTION,
  "subscription-billing": SUBSCRIPTION,
  "subscription-billing-address": SUBSCRIPTION,
  "subscription-billing-contact": SUBSCRIPTION,
  "subscription-billing-payment-page": SUBSCRIPTION,
  "subscription-invoices": SUBSCRIPTION,
  "subscription-invoice-pdf": SUBSCRIPTION,
};

const RANK = ["None", "Team", "Product", "Budget", "Administrator"] as const;

/** Whether the sweep caller should get past authorisation on a route with this access. */
export function isAllowed(access: Access, caller: SweepRole): boolean {
  if (access === "signed-in") return true;
  if (access === "pca") return caller === "PCA-only";
  if (caller === "PCA-only") return access.orPca === true;
  return RANK.indexOf(caller) >= RANK.indexOf(access.minimum);
}
