import type { MemberRecord } from "../../domain/member";
import type { OrgRecord } from "../../domain/org";
import type { OrgStore } from "../../ports/org-store";
import type { Versioned } from "../../ports/versioned";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { toVersioned } from "./document";
import { asMember } from "./cosmos-member-store";

/**
 * The org document lives in the org's own partition of the members container (id "org"),
 * beside the member documents and the seat ledger, so a transactional batch on real Cosmos
 * can cover all three; the warm path of every call reads the org and the caller's member.
 */
export const ORG_DOCUMENT_ID = "org";

type OrgDocument = Omit<OrgRecord, "id"> & { id: typeof ORG_DOCUMENT_ID; orgId: string; type: "org" };

/** The org as stored (user management writes it in one transactional batch with the seat ledger). */
export function toDocument(org: OrgRecord): OrgDocument {
  const { id, ...rest } = org;
  return { ...rest, id: ORG_DOCUMENT_ID, orgId: id, type: "org" };
}

const asOrg = (doc: Record<string, unknown>): OrgRecord => {
  const { id: _id, orgId, type: _type, ...rest } = doc as unknown as OrgDocument;
  return { ...rest, id: orgId } as OrgRecord;
};

export class CosmosOrgStore implements OrgStore {
  constructor(private readonly db: CosmosDatabase) {}

  async get(orgId: string): Promise<Versioned<OrgRecord> | null> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Reading the organization", async () => {
      const { resource, statusCode } = await members.item(ORG_DOCUMENT_ID, orgId).read<Record<string, unknown>>();
      return statusCode === 404 ? null : toVersioned(resource, asOrg);
    });
  }

  async getWithMember(orgId: string, userId: string): Promise<{ org: Versioned<OrgRecord> | null; member: Versioned<MemberRecord> | null }> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    // Two point reads side by side: one round trip, 1 RU each. A query would cost a query-plan
    // request on top (the SDK asks for one before every query) and scan on the emulator.
    const [orgDoc, memberDoc] = await storeCall("Reading the organization", () =>
      Promise.all([
        members.item(ORG_DOCUMENT_ID, orgId).read<Record<string, unknown>>(),
        members.item(userId, orgId).read<Record<string, unknown>>(),
      ]),
    );
    const member = memberDoc.resource?.type === "member" ? memberDoc.resource : undefined;
    return { org: toVersioned(orgDoc.resource, asOrg), member: toVersioned(member, asMember) };
  }

  async create(org: OrgRecord): Promise<Versioned<OrgRecord>> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Creating the organization", async () => {
      const { resource } = await members.items.create(toDocument(org));
      return toVersioned(resource as unknown as Record<string, unknown>, asOrg)!;
    });
  }

  async replace(org: OrgRecord, etag: string): Promise<Versioned<OrgRecord>> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Saving the organization", async () => {
      const { resource } = await members.item(ORG_DOCUMENT_ID, org.id).replace(toDocument(org), { accessCondition: { type: "IfMatch", condition: etag } });
      return toVersioned(resource as unknown as Record<string, unknown>, asOrg)!;
    });
  }
}
