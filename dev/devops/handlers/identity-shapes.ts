import type { OrgState } from "../org-state";
import type { SubjectRecord } from "../records";

// Legacy Identity wire shape (vssps `_apis/identities`, connectionData). Members and
// memberOf are identity descriptors ("Type;identifier" strings), not Graph descriptors.

export type MembershipQuery = "none" | "direct" | "expanded" | "expandedup" | "expandeddown";

/** Each subject's descriptor as last built, with what it was built from (an e-mail may change). */
const descriptors = new WeakMap<SubjectRecord, { tenant: string; name: string; descriptor: string }>();

export function identityDescriptor(org: OrgState, subject: SubjectRecord): string {
  // Built once per subject: a group of 20,000 lists every member's descriptor on every read.
  const name = subject.kind === "user" ? subject.email : subject.sid;
  const cached = descriptors.get(subject);
  if (cached && cached.tenant === org.tenantId && cached.name === name) return cached.descriptor;
  const descriptor =
    subject.kind === "user"
      ? `Microsoft.IdentityModel.Claims.ClaimsIdentity;${org.tenantId}\\${subject.email}`
      : `Microsoft.TeamFoundation.Identity;${subject.sid}`;
  descriptors.set(subject, { tenant: org.tenantId, name, descriptor });
  return descriptor;
}

const stringProperty = (value: string): { $type: string; $value: string } => ({
  $type: "System.String",
  $value: value,
});

function properties(org: OrgState, subject: SubjectRecord): Record<string, unknown> {
  if (subject.kind === "user") {
    return {
      SchemaClassName: stringProperty("User"),
      Description: stringProperty(""),
      Domain: stringProperty(org.tenantId),
      Account: stringProperty(subject.email),
      Mail: stringProperty(subject.email),
    };
  }
  return {
    SchemaClassName: stringProperty("Group"),
    Description: stringProperty(subject.description),
    Domain: stringProperty(subject.domain),
    Account: stringProperty(subject.principalName),
    ...(subject.mailAddress ? { Mail: stringProperty(subject.mailAddress) } : {}),
    SpecialType: stringProperty(subject.origin === "aad" ? "AzureActiveDirectoryApplicationGroup" : "Generic"),
  };
}

function related(org: OrgState, subjects: Iterable<string>): SubjectRecord[] {
  const found: SubjectRecord[] = [];
  for (const d of subjects) {
    const subject = org.subject(d);
    if (subject) found.push(subject);
  }
  return found;
}

export function identityOf(
  org: OrgState,
  subject: SubjectRecord,
  membership: MembershipQuery = "none",
): Record<string, unknown> {
  const graph = org.memberships;
  const d = subject.descriptor;
  const downExpanded = membership === "expanded" || membership === "expandeddown";
  const upExpanded = membership === "expanded" || membership === "expandedup";
  const members =
    subject.kind === "user" || membership === "none" || membership === "expandedup"
      ? []
      : related(org, downExpanded ? graph.expandedMembers(d) : graph.directMembers(d));
  const memberOf =
    membership === "none" || membership === "expandeddown"
      ? []
      : related(org, upExpanded ? graph.expandedContainers(d) : graph.directContainers(d));
  return {
    id: subject.id,
    descriptor: identityDescriptor(org, subject),
    subjectDescriptor: d,
    providerDisplayName: subject.kind === "user" ? subject.displayName : subject.principalName,
    isActive: true,
    isContainer: subject.kind === "group",
    members: members.map((m) => identityDescriptor(org, m)),
    memberOf: memberOf.map((m) => identityDescriptor(org, m)),
    memberIds: members.map((m) => m.id),
    properties: properties(org, subject),
    resourceVersion: 2,
    metaTypeId: subject.kind === "user" ? 0 : 255,
  };
}

export function parseMembershipQuery(value: string | undefined): MembershipQuery | undefined {
  const key = (value ?? "none").toLowerCase();
  const known: MembershipQuery[] = ["none", "direct", "expanded", "expandedup", "expandeddown"];
  return known.find((k) => k === key);
}
