import { AdoError } from "../errors";
import { ok, type CallerContext, type Reply } from "../http";
import type { OrgState } from "../org-state";
import type { SubjectRecord } from "../records";
import type { Route } from "../router";
import { identityDescriptor, identityOf, parseMembershipQuery } from "./identity-shapes";

// Legacy Identities API (vssps): resolve by subject descriptor, identity descriptor or
// storage key (one entry per key, null when unknown, as Azure DevOps answers), or search.

type SearchFilter = "general" | "accountname" | "displayname" | "mailaddress" | "localgroupname";

function search(org: OrgState, filter: SearchFilter, value: string): SubjectRecord[] {
  const v = value.toLowerCase();
  const eq = (s: string | null): boolean => s?.toLowerCase() === v;
  const users = org.users.filter((u) => {
    if (filter === "general") return eq(u.email) || eq(u.displayName);
    if (filter === "accountname" || filter === "mailaddress") return eq(u.email);
    return filter === "displayname" && eq(u.displayName);
  });
  const groups = org.groups.filter((g) => {
    if (filter === "localgroupname") return g.origin === "vsts" && (eq(g.displayName) || eq(g.principalName));
    if (filter === "general" || filter === "displayname") return eq(g.displayName) || eq(g.principalName);
    return filter === "accountname" && eq(g.principalName);
  });
  return [...users, ...groups];
}

function byIdentityDescriptor(org: OrgState, descriptor: string): SubjectRecord | undefined {
  const key = descriptor.toLowerCase();
  const [type = "", identifier = ""] = key.split(";", 2);
  if (type === "microsoft.identitymodel.claims.claimsidentity") {
    const user = org.findUser(identifier.slice(identifier.lastIndexOf("\\") + 1));
    return user && identityDescriptor(org, user).toLowerCase() === key ? user : undefined;
  }
  return org.groups.find((g) => identityDescriptor(org, g).toLowerCase() === key);
}

function byStorageKey(org: OrgState, id: string): SubjectRecord | undefined {
  const key = id.toLowerCase();
  const user = org.findUser(key);
  return user?.id === key ? user : org.groups.find((g) => g.id === key);
}

function readIdentities({ org, query }: CallerContext): Reply {
  const membership = parseMembershipQuery(query.get("queryMembership"));
  if (!membership) {
    throw new AdoError(
      400,
      "queryMembership must be one of None, Direct, Expanded, ExpandedUp, ExpandedDown.",
      "ArgumentException",
    );
  }
  let found: Array<SubjectRecord | undefined>;
  if (query.get("subjectDescriptors")) found = query.list("subjectDescriptors").map((d) => org.subject(d));
  else if (query.get("descriptors")) found = query.list("descriptors").map((d) => byIdentityDescriptor(org, d));
  else if (query.get("identityIds")) found = query.list("identityIds").map((id) => byStorageKey(org, id));
  else if (query.get("searchFilter")) {
    const filter = query.get("searchFilter")!.toLowerCase() as SearchFilter;
    const known: SearchFilter[] = ["general", "accountname", "displayname", "mailaddress", "localgroupname"];
    if (!known.includes(filter) || !query.get("filterValue")) {
      throw new AdoError(
        400,
        "searchFilter must be General, AccountName, DisplayName, MailAddress or LocalGroupName, with a filterValue.",
        "ArgumentException",
      );
    }
    found = search(org, filter, query.get("filterValue")!);
  } else {
    throw new AdoError(
      400,
      "Specify descriptors, subjectDescriptors, identityIds or searchFilter with filterValue.",
      "ArgumentException",
    );
  }
  const value = found.map((s) => (s ? identityOf(org, s, membership) : null));
  return ok({ count: value.length, value });
}

export const identityRoutes: Route[] = [
  { method: "GET", pattern: "/vssps/{org}/_apis/identities", kind: "org", handle: readIdentities },
  // Azure DevOps Server serves Identities on the collection URL itself (no vssps host).
  { method: "GET", pattern: "/{org}/_apis/identities", kind: "org", handle: readIdentities },
];
