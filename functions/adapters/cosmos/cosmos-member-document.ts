import type { MemberRecord } from "../../domain/member";
import { searchText } from "../../domain/role-assignment";
import { ROLE_IDS } from "../../domain/roles";

/**
 * How a member is stored: the record plus lower-cased keys the licensed list sorts and
 * searches by (Cosmos compares strings by code point, so sorting needs a folded copy).
 * The document id is the Azure DevOps user id, inside the org's partition.
 */
export type MemberDocument = MemberRecord & {
  id: string;
  type: "member";
  nameKey: string;
  emailKey: string;
  search: string;
  /** 7pace's numeric role id, for sorting by role. */
  roleOrder: number;
  /** The ids of the rules in `grants`: a rule's sync finds its members with one ARRAY_CONTAINS. */
  ruleIds: string[];
};

/** The stored keys that follow a member's name: what the list sorts and searches by. */
export function nameKeys(displayName: string, email: string): Pick<MemberDocument, "nameKey" | "search"> {
  return { nameKey: displayName.toLowerCase(), search: searchText(displayName, email) };
}

export function memberDocument(member: MemberRecord): MemberDocument {
  return {
    ...member,
    id: member.userId,
    type: "member",
    ...nameKeys(member.displayName, member.email),
    emailKey: member.email.toLowerCase(),
    roleOrder: ROLE_IDS[member.role],
    ruleIds: member.grants.map((g) => g.ruleId),
  };
}

export function memberRecord(doc: Record<string, unknown>): MemberRecord {
  const d = doc as unknown as Partial<MemberDocument> & MemberDocument;
  return {
    orgId: d.orgId,
    userId: d.userId,
    role: d.role,
    // Records written before group rules hold only `role`: it was the direct assignment.
    direct: d.direct ?? d.role,
    grants: d.grants ?? [],
    displayName: d.displayName,
    email: d.email,
    uniqueName: d.uniqueName,
    updatedAt: d.updatedAt,
    updatedBy: d.updatedBy,
    ...(d.descriptor ? { descriptor: d.descriptor } : {}),
    ...(d.lastTrackedAt ? { lastTrackedAt: d.lastTrackedAt } : {}),
    ...(d.lastOpenedAt ? { lastOpenedAt: d.lastOpenedAt } : {}),
  };
}
