import type { MemberRecord } from "../../domain/member";
import type { WorklogOwners } from "../../ports/worklog-owners";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";

type MemberDocument = MemberRecord & { id: string; type: "member" };

/**
 * The members of an org, read from the `members` container: who can own worklogs (and whom
 * time can be added for). One partition, paged by continuation token.
 */
export class CosmosWorklogOwners implements WorklogOwners {
  constructor(private readonly db: CosmosDatabase) {}

  async members(orgId: string): Promise<MemberRecord[]> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Reading the members", async () => {
      const iterator = members.items.query<MemberDocument>(
        { query: "SELECT * FROM c WHERE c.orgId = @orgId AND c.type = 'member'", parameters: [{ name: "@orgId", value: orgId }] },
        { partitionKey: orgId, maxItemCount: 1000 },
      );
      const all: MemberRecord[] = [];
      while (iterator.hasMoreResults()) {
        const { resources } = await iterator.fetchNext();
        for (const doc of resources) {
          all.push({
            orgId: doc.orgId,
            userId: doc.userId,
            role: doc.role,
            displayName: doc.displayName,
            email: doc.email,
            uniqueName: doc.uniqueName,
            updatedAt: doc.updatedAt,
            updatedBy: doc.updatedBy,
          });
        }
      }
      return all;
    });
  }
}
