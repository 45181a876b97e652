import { requireApiVersion } from "../api-version";
import { parseEntitlementFilter, type EntitlementFacts } from "../entitlement-filter";
import { AdoError } from "../errors";
import { ok, type CallerContext, type Reply } from "../http";
import { pageOf } from "../paging";
import type { UserRecord } from "../records";
import type { Route } from "../router";
import type { AccessLevel } from "../seed-types";
import { graphUser, type LinkBase } from "./graph-shapes";

// Member Entitlement Management (vsaex): users with their access level. Unlike Graph,
// paging lives in the body (`continuationToken`, absent on the last page).

/** The api-version the 7.1 specification lists for User Entitlements (`#/parameters/api-Version`). */
const ENTITLEMENT_VERSIONS = ["7.1"] as const;

const LICENSE: Record<AccessLevel, { accountLicenseType: string; licenseDisplayName: string; licenseId: string }> = {
  basic: { accountLicenseType: "express", licenseDisplayName: "Basic", licenseId: "Account-Express" },
  stakeholder: {
    accountLicenseType: "stakeholder",
    licenseDisplayName: "Stakeholder",
    licenseId: "Account-Stakeholder",
  },
};

export function entitlementOf(base: LinkBase, user: UserRecord): Record<string, unknown> {
  const license = LICENSE[user.accessLevel];
  return {
    id: user.id,
    user: graphUser(base, user),
    accessLevel: {
      licensingSource: "account",
      accountLicenseType: license.accountLicenseType,
      msdnLicenseType: "none",
      licenseDisplayName: license.licenseDisplayName,
      status: "active",
      statusMessage: "",
      assignmentSource: "unknown",
    },
    lastAccessedDate: user.lastAccessedDate,
    dateCreated: user.dateCreated,
    projectEntitlements: [],
    extensions: [],
    groupAssignments: [],
  };
}

/** The facts the documented `$filter` properties test (see entitlement-filter.ts). */
function factsOf(user: UserRecord): EntitlementFacts {
  const license = LICENSE[user.accessLevel];
  return {
    displayName: user.displayName,
    email: user.email,
    licenseId: license.licenseId,
    licenseStatus: "active",
    userType: "member",
  };
}

/**
 * `PagedUserEntitlementsList` (memberEntitlementManagement 7.1): `items`, `continuationToken`
 * (absent on the last page) and `totalCount`, paged by the `continuationToken` query parameter.
 * The live service has also sent the same page as `members` (Azure/azure-devops-cli-extension#662,
 * 2019: "Both members and items are collection of the member entitlement objects"); the stand-in
 * does too, and the adapter on main still reads it. Clients should read `items`.
 */
function listEntitlements(ctx: CallerContext): Reply {
  requireApiVersion(ctx.query, ctx.req.headers, ENTITLEMENT_VERSIONS);
  const keep = parseEntitlementFilter(ctx.query.get("$filter"));
  const users = ctx.org.users.filter((u) => keep(factsOf(u)));
  const page = pageOf("entitlements", users, ctx.query.get("continuationToken"), ctx.state.pageSizes.entitlements);
  const items = page.items.map((u) => entitlementOf(ctx, u));
  return ok({
    items,
    members: items,
    ...(page.next ? { continuationToken: page.next } : {}),
    totalCount: users.length,
  });
}

function oneEntitlement(ctx: CallerContext): Reply {
  requireApiVersion(ctx.query, ctx.req.headers, ENTITLEMENT_VERSIONS);
  const key = ctx.params.userId.toLowerCase();
  const user = ctx.org.findUser(key);
  if (!user || user.id !== key) {
    throw new AdoError(404, `VS403283: Could not find user with id ${ctx.params.userId}.`, "MemberNotFoundException");
  }
  return ok(entitlementOf(ctx, user));
}

export const entitlementRoutes: Route[] = [
  { method: "GET", pattern: "/vsaex/{org}/_apis/userentitlements", kind: "org", handle: listEntitlements },
  { method: "GET", pattern: "/vsaex/{org}/_apis/userentitlements/{userId}", kind: "org", handle: oneEntitlement },
];
