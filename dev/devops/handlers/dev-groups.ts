import { z } from "zod";
import { StateError } from "../errors";
import { ok, type Reply, type RequestContext } from "../http";
import type { OrgState } from "../org-state";
import type { GroupRecord, SubjectRecord } from "../records";
import type { Route } from "../router";
import { parseBody } from "./parse-body";

// Who is in a group, changed while the stand-in runs: what an administrator does in Azure
// DevOps (or in Entra ID, for the Entra groups). The dev host's "Groups (stand-in)" page and
// tests call these. They change the one membership graph the Graph and Identities routes
// read, so the next Graph call already answers with the change.

const NAME_THE_MEMBER = `send { "member": "…" } with a user's id, email or descriptor, or a group's descriptor or [scope]\\Name`;
const memberRequest = z.object(
  { member: z.string({ error: NAME_THE_MEMBER }).trim().min(1, NAME_THE_MEMBER) },
  { error: NAME_THE_MEMBER },
);

interface MemberView {
  descriptor: string;
  displayName: string;
  /** A user's email, a group's `[scope]\Name`. */
  principalName: string;
  kind: "user" | "group";
}

const principalNameOf = (subject: SubjectRecord): string =>
  subject.kind === "user" ? subject.email : subject.principalName;

/** How a message names a subject so a person can find it in the list. */
const labelOf = (subject: SubjectRecord): string =>
  subject.kind === "user" ? `${subject.displayName} (${subject.email})` : subject.principalName;

function memberView(subject: SubjectRecord): MemberView {
  return {
    descriptor: subject.descriptor,
    displayName: subject.displayName,
    principalName: principalNameOf(subject),
    kind: subject.kind,
  };
}

/** A group and its direct members, groups first, each kind by name. */
function groupView(org: OrgState, group: GroupRecord) {
  const members = org.memberships
    .directMembers(group.descriptor)
    .flatMap((d) => {
      const subject = org.subject(d);
      return subject ? [memberView(subject)] : [];
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.displayName.localeCompare(b.displayName));
  return {
    descriptor: group.descriptor,
    principalName: group.principalName,
    displayName: group.displayName,
    origin: group.origin,
    members,
  };
}

function requireGroup(org: OrgState, ref: string): GroupRecord {
  const group = org.findGroup(ref);
  if (group) return group;
  throw new StateError(
    "NotFound",
    `No group '${ref}' in organization '${org.name}'. Name it by descriptor or by [scope]\\Name, URL-encoded; GET /_dev/orgs/${org.name}/groups lists them.`,
  );
}

function requireMember(org: OrgState, ref: string): SubjectRecord {
  const subject = org.findSubject(ref);
  if (subject) return subject;
  throw new StateError(
    "NotFound",
    `No user or group '${ref}' in organization '${org.name}'. Name a user by id, email or descriptor (GET /_dev/orgs/${org.name} lists them) or a group by descriptor or [scope]\\Name (GET /_dev/orgs/${org.name}/groups).`,
  );
}

function listGroups(ctx: RequestContext): Reply {
  const org = ctx.state.org(ctx.params.org);
  const value = org.groups.map((g) => groupView(org, g));
  return ok({ count: value.length, value });
}

async function addMember(ctx: RequestContext): Promise<Reply> {
  const org = ctx.state.org(ctx.params.org);
  const group = requireGroup(org, ctx.params.group);
  const { member } = parseBody(memberRequest, await ctx.readJson(), "dev");
  const subject = requireMember(org, member);
  // Already there: a 409 says so (a person adding twice has likely picked the wrong group).
  if (!org.addGroupMember(group.descriptor, subject.descriptor)) {
    throw new StateError(
      "Conflict",
      `${labelOf(subject)} is already a direct member of '${group.principalName}'; nothing changed.`,
    );
  }
  return { status: 201, body: groupView(org, group) };
}

function removeMember(ctx: RequestContext): Reply {
  const org = ctx.state.org(ctx.params.org);
  const group = requireGroup(org, ctx.params.group);
  const subject = requireMember(org, ctx.params.member);
  if (!org.removeGroupMember(group.descriptor, subject.descriptor)) {
    // In it only through a nested group: say which one, that is where the removal belongs.
    const through = org.memberships
      .directMembers(group.descriptor)
      .filter((d) => org.memberships.expandedMembers(d).has(subject.descriptor))
      .map((d) => org.subject(d))
      .flatMap((s) => (s ? [principalNameOf(s)] : []));
    throw new StateError(
      "NotFound",
      through.length > 0
        ? `${labelOf(subject)} is not a direct member of '${group.principalName}': they are in it through ${through.map((n) => `'${n}'`).join(", ")}. Remove them where they are a direct member.`
        : `${labelOf(subject)} is not a member of '${group.principalName}'; nothing to remove.`,
    );
  }
  return ok(groupView(org, group));
}

export const devGroupRoutes: Route[] = [
  { method: "GET", pattern: "/_dev/orgs/{org}/groups", kind: "dev", handle: listGroups },
  { method: "POST", pattern: "/_dev/orgs/{org}/groups/{group}/members", kind: "dev", handle: addMember },
  { method: "DELETE", pattern: "/_dev/orgs/{org}/groups/{group}/members/{member}", kind: "dev", handle: removeMember },
];
