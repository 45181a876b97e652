import type { OrgState } from "../org-state";
import type { GroupRecord, SubjectRecord, UserRecord } from "../records";

// Graph API wire shapes (GraphUser, GraphGroup, GraphMembership) as vssps returns them.

export interface LinkBase {
  baseUrl: string;
  org: OrgState;
}

const graphRoot = ({ baseUrl, org }: LinkBase): string => `${baseUrl}/vssps/${org.name}/_apis/Graph`;
const href = (url: string): { href: string } => ({ href: url });

function subjectLinks(base: LinkBase, subject: SubjectRecord, self: string): Record<string, { href: string }> {
  const root = graphRoot(base);
  const d = subject.descriptor;
  return {
    self: href(self),
    memberships: href(`${root}/Memberships/${d}`),
    membershipState: href(`${root}/MembershipStates/${d}`),
    storageKey: href(`${root}/StorageKeys/${d}`),
    ...(subject.kind === "user"
      ? { avatar: href(`${base.baseUrl}/${base.org.name}/_apis/GraphProfile/MemberAvatars/${d}`) }
      : {}),
  };
}

export function graphUser(base: LinkBase, user: UserRecord): Record<string, unknown> {
  const url = `${graphRoot(base)}/Users/${user.descriptor}`;
  return {
    subjectKind: "user",
    metaType: "member",
    directoryAlias: user.email.split("@")[0],
    domain: base.org.tenantId,
    principalName: user.email,
    mailAddress: user.email,
    origin: "aad",
    originId: user.originId,
    displayName: user.displayName,
    _links: subjectLinks(base, user, url),
    url,
    descriptor: user.descriptor,
  };
}

export function graphGroup(base: LinkBase, group: GroupRecord): Record<string, unknown> {
  const url = `${graphRoot(base)}/Groups/${group.descriptor}`;
  return {
    subjectKind: "group",
    description: group.description,
    // Recorded Entra groups carry isCrossProject: true; recorded Azure DevOps groups omit it.
    ...(group.origin === "aad" ? { isCrossProject: true } : {}),
    domain: group.domain,
    principalName: group.principalName,
    mailAddress: group.mailAddress,
    origin: group.origin,
    originId: group.originId,
    displayName: group.displayName,
    _links: subjectLinks(base, group, url),
    url,
    descriptor: group.descriptor,
  };
}

export const graphSubject = (base: LinkBase, subject: SubjectRecord): Record<string, unknown> =>
  subject.kind === "user" ? graphUser(base, subject) : graphGroup(base, subject);

export function graphMembership(
  base: LinkBase,
  container: SubjectRecord,
  member: SubjectRecord,
): Record<string, unknown> {
  const root = graphRoot(base);
  return {
    containerDescriptor: container.descriptor,
    memberDescriptor: member.descriptor,
    _links: {
      self: href(`${root}/Memberships/${member.descriptor}/${container.descriptor}`),
      container: href(`${root}/Groups/${container.descriptor}`),
      member: href(`${root}/${member.kind === "user" ? "Users" : "Groups"}/${member.descriptor}`),
    },
  };
}

/** GraphStorageKeyResult, with the links Microsoft's recorded example shows. */
export function storageKeyResult(base: LinkBase, subject: SubjectRecord): Record<string, unknown> {
  const root = graphRoot(base);
  return {
    value: subject.id,
    _links: {
      self: href(`${root}/StorageKeys/${subject.descriptor}`),
      descriptor: href(`${root}/Descriptors/${subject.id}`),
    },
  };
}

/** GraphDescriptorResult, with the links Microsoft's recorded example shows. */
export function descriptorResult(base: LinkBase, subject: SubjectRecord): Record<string, unknown> {
  const root = graphRoot(base);
  return {
    value: subject.descriptor,
    _links: {
      self: href(`${root}/Descriptors/${subject.id}`),
      storageKey: href(`${root}/StorageKeys/${subject.descriptor}`),
      subject: href(`${root}/${subject.kind === "user" ? "Users" : "Groups"}/${subject.descriptor}`),
    },
  };
}
