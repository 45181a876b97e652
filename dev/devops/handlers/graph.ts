import { z } from "zod";
import { AdoError } from "../errors";
import { ok, type CallerContext, type Reply } from "../http";
import { pageOf } from "../paging";
import type { SubjectRecord, UserRecord } from "../records";
import type { Route } from "../router";
import {
  descriptorResult,
  graphGroup,
  graphMembership,
  graphSubject,
  graphUser,
  storageKeyResult,
} from "./graph-shapes";
import { parseBody } from "./parse-body";

// Graph API on the vssps host: users (paged by header), groups, subject query and lookup,
// memberships (depth 1) and storage keys.

const GRAPH = "/vssps/{org}/_apis/graph";
const MAX_QUERY_RESULTS = 100;

export function subjectNotFound(descriptor: string): AdoError {
  return new AdoError(
    404,
    `VS860018: The requested subject '${descriptor}' was not found.`,
    "GraphSubjectNotFoundException",
  );
}

function requireSubject(ctx: CallerContext, kind?: SubjectRecord["kind"]): SubjectRecord {
  const subject = ctx.org.subject(ctx.params.descriptor);
  if (!subject || (kind && subject.kind !== kind)) throw subjectNotFound(ctx.params.descriptor);
  return subject;
}

function requireUser(ctx: CallerContext): UserRecord {
  const subject = requireSubject(ctx, "user");
  if (subject.kind !== "user") throw subjectNotFound(ctx.params.descriptor);
  return subject;
}

function listUsers(ctx: CallerContext): Reply {
  // All users of the stand-in are Entra (aad) users; other subject types have none.
  const types = ctx.query.list("subjectTypes").map((t) => t.toLowerCase());
  const users = types.length === 0 || types.includes("aad") ? ctx.org.users : [];
  const page = pageOf("graph-users", users, ctx.query.get("continuationToken"), ctx.state.pageSizes.graphUsers);
  const value = page.items.map((u) => graphUser(ctx, u));
  return ok({ count: value.length, value }, page.next ? { "X-MS-ContinuationToken": page.next } : undefined);
}

const subjectQueryBody = z.object({
  query: z.string().trim().min(1, "query must not be empty"),
  subjectKind: z.array(z.string()).optional(),
  scopeDescriptor: z.string().optional(),
});

async function subjectQuery(ctx: CallerContext): Promise<Reply> {
  const body = parseBody(subjectQueryBody, await ctx.readJson());
  const kinds = new Set((body.subjectKind ?? ["User", "Group"]).map((k) => k.toLowerCase()));
  const prefix = body.query.toLowerCase();
  const matches = (...names: Array<string | null>): boolean => names.some((n) => n?.toLowerCase().startsWith(prefix));
  const found: SubjectRecord[] = [];
  if (kinds.has("group"))
    found.push(...ctx.org.groups.filter((g) => matches(g.displayName, g.principalName, g.mailAddress)));
  if (kinds.has("user")) found.push(...ctx.org.users.filter((u) => matches(u.displayName, u.email)));
  const value = found.slice(0, MAX_QUERY_RESULTS).map((s) => graphSubject(ctx, s));
  return ok({ count: value.length, value });
}

const subjectLookupBody = z.object({
  lookupKeys: z.array(z.object({ descriptor: z.string().min(1) })).min(1, "lookupKeys must not be empty"),
});

async function subjectLookup(ctx: CallerContext): Promise<Reply> {
  const body = parseBody(subjectLookupBody, await ctx.readJson());
  const value: Record<string, unknown> = {};
  for (const { descriptor } of body.lookupKeys) {
    const subject = ctx.org.subject(descriptor);
    if (subject) value[descriptor] = graphSubject(ctx, subject);
  }
  return ok({ count: Object.keys(value).length, value });
}

function memberships(ctx: CallerContext): Reply {
  const subject = requireSubject(ctx);
  const direction = (ctx.query.get("direction") ?? "up").toLowerCase();
  if (direction !== "up" && direction !== "down") {
    throw new AdoError(400, `The direction '${direction}' is not valid; use 'up' or 'down'.`, "ArgumentException");
  }
  const graph = ctx.org.memberships;
  const related =
    direction === "down" ? graph.directMembers(subject.descriptor) : graph.directContainers(subject.descriptor);
  const value = related.flatMap((d) => {
    const other = ctx.org.subject(d);
    if (!other) return [];
    return [direction === "down" ? graphMembership(ctx, subject, other) : graphMembership(ctx, other, subject)];
  });
  return ok({ count: value.length, value });
}

export const graphRoutes: Route[] = [
  { method: "GET", pattern: `${GRAPH}/users`, kind: "org", handle: listUsers },
  {
    method: "GET",
    pattern: `${GRAPH}/users/{descriptor}`,
    kind: "org",
    handle: (ctx) => ok(graphUser(ctx, requireUser(ctx))),
  },
  {
    method: "GET",
    pattern: `${GRAPH}/groups`,
    kind: "org",
    handle: (ctx) => ok({ count: ctx.org.groups.length, value: ctx.org.groups.map((g) => graphGroup(ctx, g)) }),
  },
  {
    method: "GET",
    pattern: `${GRAPH}/groups/{descriptor}`,
    kind: "org",
    handle: (ctx) => ok(graphSubject(ctx, requireSubject(ctx, "group"))),
  },
  { method: "POST", pattern: `${GRAPH}/subjectquery`, kind: "org", handle: subjectQuery },
  { method: "POST", pattern: `${GRAPH}/subjectlookup`, kind: "org", handle: subjectLookup },
  { method: "GET", pattern: `${GRAPH}/memberships/{descriptor}`, kind: "org", handle: memberships },
  {
    method: "GET",
    pattern: `${GRAPH}/storagekeys/{descriptor}`,
    kind: "org",
    handle: (ctx) => ok(storageKeyResult(ctx, requireSubject(ctx))),
  },
  {
    method: "GET",
    pattern: `${GRAPH}/descriptors/{storageKey}`,
    kind: "org",
    handle: (ctx) => {
      const key = ctx.params.storageKey.toLowerCase();
      const user = ctx.org.findUser(key);
      const subject = (user?.id === key ? user : undefined) ?? ctx.org.groups.find((g) => g.id === key);
      if (!subject) throw subjectNotFound(key);
      return ok(descriptorResult(ctx, subject));
    },
  },
];
