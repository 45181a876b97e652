import type { MemberRecord } from "../../domain/member";
import type { MemberStore } from "../../ports/member-store";
import type { Versioned } from "../../ports/versioned";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { toVersioned } from "./document";

/** Member documents use the user id as document id inside the org's partition. */
type MemberDocument = MemberRecord & { id: string; type: "member" };

export const asMember = (doc: Record<string, unknown>): MemberRecord => {
  const { id: _id, type: _type, ...member } = doc as unknown as MemberDocument;
  return member;
};

export class CosmosMemberStore implements MemberStore {
  constructor(private readonly db: CosmosDatabase) {}

  async get(orgId: string, userId: string): Promise<Versioned<MemberRecord> | null> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Reading the member", async () => {
      const { resource, statusCode } = await members.item(userId, orgId).read<Record<string, unknown>>();
      return statusCode === 404 ? null : toVersioned(resource, asMember);
    });
  }

  async create(member: MemberRecord): Promise<Versioned<MemberRecord>> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Adding the member", async () => {
      const doc: MemberDocument = { ...member, id: member.userId, type: "member" };
      const { resource } = await members.items.create(doc);
      return toVersioned(resource as unknown as Record<string, unknown>, asMember)!;
    });
  }

  async replace(member: MemberRecord, etag: string): Promise<Versioned<MemberRecord>> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Saving the member", async () => {
      const doc: MemberDocument = { ...member, id: member.userId, type: "member" };
      const { resource } = await members.item(member.userId, member.orgId).replace(doc, { accessCondition: { type: "IfMatch", condition: etag } });
      return toVersioned(resource as unknown as Record<string, unknown>, asMember)!;
    });
  }
}
