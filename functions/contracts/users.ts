import { z } from "zod";
import type { AuditSurface } from "../domain/audit";
import { ASSIGNABLE_ROLES, ROLES, type AssignedRole, type Role } from "../domain/roles";
import { MAX_TOKEN_NAME } from "../domain/api-token";
import { INACTIVE_DAY_CHOICES, type InactiveDays } from "../domain/member-activity";
import type { SourceFilter } from "../domain/role-sources";

/**
 * HTTP contracts of user management (Permissions page, API tokens, service account). The
 * handlers validate requests with these schemas; the front end imports TYPES only.
 * The 7pace-compatible REST API has its own contract in contracts/rest-users.ts.
 */

const userId = z.string().trim().min(1, "must not be empty").max(100, "at most 100 characters");
const search = z.string().max(200, "at most 200 characters").optional();
const continuation = z.string().min(1).max(16_000, "the continuation token is too long").optional();

/** Users per interactive assignment request; the page sends batches of ASSIGN_BATCH_SIZE (contracts/limits). */
export const MAX_ASSIGN_USERS = 10_000;

/** `source` of the licensed list: "direct", "rules" (any group rule) or "rule:<rule id>". */
const RULE_SOURCE = /^rule:(.{1,100})$/;
const source = z
  .string()
  .trim()
  .refine((s) => s === "direct" || s === "rules" || RULE_SOURCE.test(s), {
    error: "source must be direct, rules or rule:<rule id>",
  })
  .transform((s): SourceFilter =>
    s === "direct" || s === "rules" ? { kind: s } : { kind: "rule", ruleId: RULE_SOURCE.exec(s)![1] },
  );

const INACTIVE_DAYS_TEXT = INACTIVE_DAY_CHOICES.join(", ").replace(/, (\d+)$/, " or $1");

/** Which licensed users a list covers: its search and filters (the page and "Select all" share them). */
const licensedFilter = {
  search,
  source: source.optional(),
  /** No time tracked in this many days (never-tracked included). */
  inactiveDays: z.coerce
    .number({ error: `inactiveDays must be ${INACTIVE_DAYS_TEXT}` })
    .refine((n): n is InactiveDays => (INACTIVE_DAY_CHOICES as readonly number[]).includes(n), {
      error: `inactiveDays must be ${INACTIVE_DAYS_TEXT}`,
    })
    .optional(),
};
export type LicensedFilterQuery = z.infer<z.ZodObject<typeof licensedFilter>>;

/** GET users/licensed/ids: every licensed user the search and filters cover ("Select all"). */
export const LicensedIdsQuery = z.strictObject(licensedFilter);

export const ListMembersQuery = z.strictObject({
  ...licensedFilter,
  sort: z.enum(["name", "email", "role"], { error: "sort must be name, email or role" }).default("name"),
  direction: z.enum(["asc", "desc"], { error: "direction must be asc or desc" }).default("asc"),
  continuation,
  pageSize: z.coerce
    .number({ error: "pageSize must be a number" })
    .int("pageSize must be a whole number")
    .min(1)
    .max(200)
    .default(100),
});
export type ListMembersQuery = z.infer<typeof ListMembersQuery>;

/** One role for some users: what POST users/roles/preview is asked. */
export const RoleChangeRequest = z.strictObject({
  role: z.enum(ASSIGNABLE_ROLES as [AssignedRole, ...AssignedRole[]], {
    error: `role must be one of ${ASSIGNABLE_ROLES.join(", ")}`,
  }),
  userIds: z
    .array(userId, { error: "userIds must be a list of user ids" })
    .min(1, "userIds must name at least one user")
    .max(MAX_ASSIGN_USERS, `at most ${MAX_ASSIGN_USERS} users per request`),
});
export type RoleChangeRequest = z.infer<typeof RoleChangeRequest>;

/** The id of a seat hold, as POST users/roles/holds answered it. */
export const HoldIdParam = z.uuid("holdId must be the id POST users/roles/holds answered");
/** A change sent in several requests names the seat hold it took first. */
const holdId = HoldIdParam.optional();

/**
 * POST users/roles: a role change, or one batch of a change that holds its seats. POST
 * users/roles/holds takes the same body: keep the seats a change of these users needs (with
 * holdId, add them to that hold).
 */
export const AssignRolesRequest = RoleChangeRequest.extend({ holdId });
export type AssignRolesRequest = z.infer<typeof AssignRolesRequest>;

export interface HoldSeatsResponse {
  holdId: string;
  /** Seats the hold keeps now (0: the change needs none, nothing is held). */
  seatsHeld: number;
  /** When the hold lapses unless a batch of the change renews it; null when nothing is held. */
  until: string | null;
}

export const DefaultRoleRequest = z.strictObject({
  role: z.enum(ROLES as unknown as [Role, ...Role[]], { error: `role must be one of ${ROLES.join(", ")}` }),
});
export type DefaultRoleRequest = z.infer<typeof DefaultRoleRequest>;

export const DirectoryQuery = z.strictObject({ search, continuation });
export const GroupSearchQuery = z.strictObject({
  query: z
    .string({ error: "type at least one character of the group's name" })
    .trim()
    .min(1, "type at least one character of the group's name")
    .max(200, "at most 200 characters"),
});
export const GroupMembersQuery = z.strictObject({
  descriptor: z
    .string({ error: "descriptor is required" })
    .trim()
    .min(3, "descriptor is required")
    .max(512)
    .regex(/^[A-Za-z0-9.+/=_-]+$/, "descriptor is not a Graph descriptor"),
});
export const AuditQuery = z.strictObject({ continuation });
/** Add by e-mail address (Azure DevOps Server, where there is no organization user list). */
export const UserLookupQuery = z.strictObject({
  email: z
    .string({ error: "email is required" })
    .trim()
    .min(3, "type the user's e-mail address")
    .max(320, "at most 320 characters")
    .regex(/^[^\s@]+@[^\s@]+$/, "is not an e-mail address"),
});

const NOT_A_PAT =
  "This does not look like a personal access token. Paste the whole token Azure DevOps showed when you created it (User settings › Personal access tokens).";
export const ServiceAccountRequest = z.strictObject({
  pat: z.string({ error: "paste the personal access token" }).trim().min(20, NOT_A_PAT).max(500, NOT_A_PAT),
});
export const CreateTokenRequest = z.strictObject({
  name: z.string().trim().min(1, "give the token a name").max(MAX_TOKEN_NAME, `at most ${MAX_TOKEN_NAME} characters`),
});

// ---- responses ------------------------------------------------------------------------

export interface RoleView {
  /** The direct assignment (None when only group rules license the member). */
  assigned: AssignedRole;
  /** The highest of the direct assignment and every rule's part, Default resolved. */
  effective: Role;
  /** "Default (Team)" for members on the default role. */
  label: string;
  /** The group rules whose group the member is in now, each with the role it gives. */
  rules: { id: string; name: string; role: AssignedRole }[];
}

export interface MemberView {
  id: string;
  displayName: string;
  email: string;
  role: RoleView;
  /** Where the role comes from, as the Source column reads: "Direct", "Rule: Engineering" (direct first, rules by name). */
  sources: string[];
  /** When the user last tracked time (a worklog saved for them, or their timer stopped), ISO, to the day; null: never. */
  lastTrackedAt: string | null;
  /** When the user last opened Timetracker, ISO, to the day; null: never. */
  lastOpenedAt: string | null;
}

export interface SeatSummary {
  licensed: number;
  /** null: unlimited (trial). */
  limit: number | null;
  available: number | null;
}

export interface UsersOverviewResponse {
  defaultRole: Role;
  seats: SeatSummary;
  plan: { kind: "trial" | "trial_expired" | "subscribed" | "cancelled"; name: string };
  /** Organization Settings › Timetracker Subscription. */
  subscriptionUrl: string;
  you: { id: string; isPca: boolean; role: RoleView };
}

export interface ListMembersResponse {
  members: MemberView[];
  continuationToken: string | null;
}

/** GET users/licensed/ids: what "Select all" selects, every page of the list at once. */
export interface LicensedIdsResponse {
  ids: string[];
}

/** GET users/licensed/rules: the org's group rules, by name (the Source filter's choices). */
export interface LicensedRulesResponse {
  rules: { id: string; name: string }[];
}

export interface AssignRolesResponse {
  succeeded: number;
  /** Users whose role changed (the others had it already). */
  changed: number;
  failed: { userId: string; message: string }[];
  seats: SeatSummary;
  message: string;
}

/** Cents in a currency, with the text to show ("$48.00"). */
export interface MoneyView {
  amount: number;
  currency: string;
  text: string;
}

/**
 * What a user-management step does to seats and money, decided by the server before the
 * step is taken (+ Add Users, Assign Role, Select all, None).
 */
export interface SeatImpactView {
  /** Seats the step takes (positive) or frees (negative), net. */
  seatsNeeded: number;
  /** Seats free now; null while the plan has no seat limit (trial). */
  seatsFree: number | null;
  fits: boolean;
  /** Seats to add to the subscription before the step fits (0 when it fits). */
  seatsMissing: number;
  /**
   * What adding the missing seats costs now (Chargebee's estimate of the change, as on
   * Subscription › Change users; without a paid subscription the list price of the plan
   * to buy); null when nothing is missing or no price is known.
   */
  costOfMissingSeats: MoneyView | null;
  /** What freeing seats saves per month at the current plan's list price; null when nothing is freed or nothing is paid. */
  monthlySaving: MoneyView | null;
  /** "Uses 4 of 6 free seats", "Frees 3 seats", "Needs 2 more seats than are free (1 of 5 free)". */
  summary: string;
  /** Organization Settings › Timetracker Subscription, with the number of users it needs filled in. */
  subscriptionUrl: string;
  /** Users the subscription must be for so the step fits (licensed now + needed); null when it fits. */
  usersNeeded: number | null;
  /** The cost in words ("Adding 3 seats to your Start plan bills $27.00 now…"); null when nothing is missing. */
  costText: string | null;
  /** The saving in words; null when `monthlySaving` is. */
  savingText: string | null;
}

/** POST /api/users/roles/preview: what POST /api/users/roles with the same body would do, writing nothing. */
export interface AssignRolesPreviewResponse extends SeatImpactView {
  /** Users whose role would change. */
  changing: number;
  /** Users the change would not apply to, and why (known before writing). */
  problems: { userId: string; message: string }[];
}

export interface DefaultRoleResponse {
  defaultRole: Role;
  seats: SeatSummary;
  message: string;
}

export interface DirectoryUserView {
  id: string;
  displayName: string;
  email: string;
  /** The user's Timetracker role now (None when unlicensed). */
  role: RoleView;
  licensed: boolean;
}

export interface DirectoryUsersResponse {
  users: DirectoryUserView[];
  continuationToken: string | null;
}

export interface GroupView {
  descriptor: string;
  displayName: string;
  principalName: string;
  /** "Azure DevOps" or "Microsoft Entra ID". */
  source: string;
}

export interface GroupSearchResponse {
  groups: GroupView[];
}

export interface AuditEntryView {
  id: string;
  at: string;
  actor: { id: string; displayName: string };
  surface: AuditSurface;
  changes: { user: { id: string; displayName: string; email: string }; from: AssignedRole | null; to: AssignedRole }[];
  defaultRole?: { from: Role; to: Role };
}

export interface AuditResponse {
  entries: AuditEntryView[];
  continuationToken: string | null;
}

export interface ServiceAccountResponse {
  configured: boolean;
  account?: { id: string; displayName: string };
  savedBy?: { id: string; displayName: string };
  savedAt?: string;
}

export interface ApiTokenView {
  id: string;
  name: string;
  /** "tt_…abcd": never the token itself. */
  hint: string;
  owner: { id: string; displayName: string };
  createdAt: string;
  lastUsedAt: string | null;
}

export interface ListTokensResponse {
  tokens: ApiTokenView[];
  /** Administrators see and revoke everyone's tokens. */
  scope: "own" | "all";
}

export interface CreateTokenResponse {
  token: ApiTokenView;
  /** The token text: shown once, never stored or returned again. */
  secret: string;
}
