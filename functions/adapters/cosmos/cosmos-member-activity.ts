import type { PatchOperation } from "@azure/cosmos";
import { NotFoundError, PreconditionFailedError } from "../../domain/errors";
import type { MemberRecord } from "../../domain/member";
import type { ActivityField } from "../../domain/member-activity";
import type { MemberActivity } from "../../ports/member-activity";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { nameKeys } from "./cosmos-member-document";

/**
 * Activity stamps and renames as one patch of the member document: no read first, and the rest of
 * the record (role, parts, seat) is not rewritten, so a stamp cannot undo a role change. A
 * patch needs the document to exist, and its condition that it is a member's, so nothing is
 * ever created. It changes the document's etag: a role change that read the member before
 * retries (once per member and day at most, see domain/member-activity.ts).
 */
export class CosmosMemberActivity implements MemberActivity {
  constructor(private readonly db: CosmosDatabase) {}

  async touch(orgId: string, userId: string, field: ActivityField, at: string): Promise<void> {
    await this.patch(orgId, userId, "Recording when the user last used Timetracker", [
      { op: "set", path: `/${field}`, value: at },
    ]);
  }

  async rename(member: Pick<MemberRecord, "orgId" | "userId" | "email">, displayName: string): Promise<void> {
    const keys = nameKeys(displayName, member.email);
    // The search key holds the e-mail too: the patch applies only while the record still has
    // the e-mail it was built from (a JSON string is a Cosmos SQL string literal); otherwise
    // nothing is written, and the next visit renames from the record as it is then.
    const sameEmail = `c.email = ${JSON.stringify(member.email)}`;
    await this.patch(
      member.orgId,
      member.userId,
      "Saving the user's new name",
      [
        { op: "set", path: "/displayName", value: displayName },
        { op: "set", path: "/nameKey", value: keys.nameKey },
        { op: "set", path: "/search", value: keys.search },
      ],
      sameEmail,
    );
  }

  private async patch(
    orgId: string,
    userId: string,
    what: string,
    operations: PatchOperation[],
    also?: string,
  ): Promise<void> {
    const { members } = await storeCall("Opening the database", () => this.db.containers());
    try {
      // Through `writing`: this instance's recent copies of the org's members are dropped.
      await this.db.memberWrites.writing(orgId, () =>
        storeCall(what, () =>
          members
            .item(userId, orgId)
            .patch({ operations, condition: `FROM c WHERE c.type = 'member'${also ? ` AND ${also}` : ""}` }),
        ),
      );
    } catch (error) {
      // No member document (never admitted, or the id names another kind of document), or the condition failed.
      if (error instanceof NotFoundError || error instanceof PreconditionFailedError) return;
      throw error;
    }
  }
}
