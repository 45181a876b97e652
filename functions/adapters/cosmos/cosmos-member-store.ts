import type { MemberRecord } from "../../domain/member";
import type { MemberStore } from "../../ports/member-store";
import type { Versioned } from "../../ports/versioned";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { toVersioned } from "./document";
import { memberDocument, memberRecord } from "./cosmos-member-document";

/** A stored member document as the domain's record (the org store reads members too). */
export const asMember = memberRecord;

/**
 * Single member reads and writes. Role changes that affect seats go through
 * use-cases/users (bulk writes with the seat ledger); a write here does not update the ledger.
 */
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
    return storeCall("Adding the member", () =>
      this.db.memberWrites.writing(member.orgId, async () => {
        const { resource } = await members.items.create(memberDocument(member));
        return toVersioned(resource as unknown as Record<string, unknown>, asMember)!;
      }),
    );
  }

  async replace(member: MemberRecord, etag: string): Promise<Versioned<MemberRecord>> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Saving the member", () =>
      this.db.memberWrites.writing(member.orgId, async () => {
        const { resource } = await members.item(member.userId, member.orgId).replace(memberDocument(member), { accessCondition: { type: "IfMatch", condition: etag } });
        return toVersioned(resource as unknown as Record<string, unknown>, asMember)!;
      }),
    );
  }
}
