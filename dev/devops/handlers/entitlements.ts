import { AdoError } from "../errors";
import { ok, type CallerContext, type Reply } from "../http";
import { pageOf } from "../paging";
import type { UserRecord } from "../records";
import type { Route } from "../router";
import type { AccessLevel } from "../seed-types";
import { graphUser, type LinkBase } from "./graph-shapes";

// Member Entitlement Management (vsaex): users with their access level. Unlike Graph,
// paging lives in the body (`continuationToken`, null on the last page).

const LICENSE: Record<AccessLevel, { accountLicenseType: string; licenseDisplayName: string; licenseId: string }> = {
  basic: { accountLicenseType: "express", licenseDisplayName: "Basic", licenseId: "account-express" },
  stakeholder: { accountLicenseType: "stakeholder", licenseDisplayName: "Stakeholder", licenseId: "account-stakeholder" },
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

/** `$filter=name eq 'pat' and licenseId eq 'Account-Stakeholder'`; name is a substring match. */
function filterOf(expression: string | undefined): (user: UserRecord) => boolean {
  if (!expression?.trim()) return () => true;
  const tests: Array<(user: UserRecord) => boolean> = [];
  for (const clause of expression.split(/\s+and\s+/i)) {
    const m = /^\s*(\w+)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(clause);
    const field = m?.[1]?.toLowerCase();
    const value = (m?.[2] ?? "").replace(/''/g, "'").toLowerCase();
    if (field === "name") tests.push((u) => u.displayName.toLowerCase().includes(value) || u.email.toLowerCase().includes(value));
    else if (field === "licenseid") tests.push((u) => LICENSE[u.accessLevel].licenseId === value);
    else throw new AdoError(400, `The filter '${clause.trim()}' is not supported; use name eq '...' or licenseId eq '...'.`, "InvalidFilterException");
  }
  return (user) => tests.every((t) => t(user));
}

function listEntitlements(ctx: CallerContext): Reply {
  const keep = filterOf(ctx.query.get("$filter"));
  const users = ctx.query.get("$filter") ? ctx.org.users.filter(keep) : ctx.org.users;
  const page = pageOf("entitlements", users, ctx.query.get("continuationToken"), ctx.state.pageSizes.entitlements);
  return ok({ members: page.items.map((u) => entitlementOf(ctx, u)), continuationToken: page.next, totalCount: users.length });
}

function oneEntitlement(ctx: CallerContext): Reply {
  const key = ctx.params.userId!.toLowerCase();
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
