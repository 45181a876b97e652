import type { Container } from "@azure/cosmos";
import type { MemberRecord } from "../../domain/member";
import type { OrgRecord } from "../../domain/org";
import { RECENT_READ_MS, type Freshness, type OrgStore } from "../../ports/org-store";
import type { Versioned } from "../../ports/versioned";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { toVersioned } from "./document";
import { memberRecord } from "./cosmos-member-document";
import { RecentReads } from "./recent-reads";

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
  return { ...rest, id: orgId };
};

export class CosmosOrgStore implements OrgStore {
  private readonly recentOrgs: RecentReads<Versioned<OrgRecord>>;
  private readonly recentMembers: RecentReads<Versioned<MemberRecord>>;

  constructor(private readonly db: CosmosDatabase) {
    this.recentOrgs = new RecentReads(db.memberWrites, RECENT_READ_MS);
    this.recentMembers = new RecentReads(db.memberWrites, RECENT_READ_MS);
  }

  async get(orgId: string): Promise<Versioned<OrgRecord> | null> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Reading the organization", () => readOrg(members, orgId));
  }

  async getWithMember(
    orgId: string,
    userId: string,
    freshness: Freshness,
  ): Promise<{ org: Versioned<OrgRecord> | null; member: Versioned<MemberRecord> | null }> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    const loadOrg = () => readOrg(members, orgId);
    const loadMember = () => readMember(members, orgId, userId);
    // Two point reads side by side (one round trip, 1 RU each): a query would cost a
    // query-plan request on top (the SDK asks for one before every query). On the "recent"
    // path, an org shared by all its users and a member seen seconds ago are not read again.
    const [org, member] = await storeCall("Reading the organization", () =>
      freshness === "fresh"
        ? Promise.all([loadOrg(), loadMember()])
        : Promise.all([
            this.recentOrgs.read(orgId, orgId, loadOrg),
            this.recentMembers.read(orgId, `${orgId}\n${userId}`, loadMember),
          ]),
    );
    return { org, member };
  }

  async create(org: OrgRecord): Promise<Versioned<OrgRecord>> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Creating the organization", () =>
      this.db.memberWrites.writing(org.id, async () => {
        const { resource } = await members.items.create(toDocument(org));
        return toVersioned(resource as unknown as Record<string, unknown>, asOrg)!;
      }),
    );
  }

  async replace(org: OrgRecord, etag: string): Promise<Versioned<OrgRecord>> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Saving the organization", () =>
      this.db.memberWrites.writing(org.id, async () => {
        const { resource } = await members
          .item(ORG_DOCUMENT_ID, org.id)
          .replace(toDocument(org), { accessCondition: { type: "IfMatch", condition: etag } });
        return toVersioned(resource as unknown as Record<string, unknown>, asOrg)!;
      }),
    );
  }
}

async function readOrg(members: Container, orgId: string): Promise<Versioned<OrgRecord> | null> {
  const { resource } = await members.item(ORG_DOCUMENT_ID, orgId).read<Record<string, unknown>>();
  return toVersioned(resource, asOrg);
}

async function readMember(members: Container, orgId: string, userId: string): Promise<Versioned<MemberRecord> | null> {
  const { resource } = await members.item(userId, orgId).read<Record<string, unknown>>();
  return resource?.type === "member" ? toVersioned(resource, memberRecord) : null;
}
