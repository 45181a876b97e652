import type { Container, OperationInput, SqlParameter } from "@azure/cosmos";
import { createHash } from "node:crypto";
import { ValidationError } from "../../domain/errors";
import type { MemberRecord } from "../../domain/member";
import type { SeatCounts } from "../../domain/seats";
import type { MemberListQuery, MemberPage, MemberRoster, MemberWrite, MemberWriteOutcome } from "../../ports/member-roster";
import type { Versioned } from "../../ports/versioned";
import type { CosmosDatabase } from "./cosmos-client";
import { bulkStatus, executeBulk } from "./cosmos-bulk";
import { storeCall } from "./cosmos-errors";
import { memberDocument, memberRecord } from "./cosmos-member-document";

const EXPLICIT_ROLES = ["Team", "Product", "Budget", "Administrator"];
const SORT_FIELD = { name: "nameKey", email: "emailKey", role: "roleOrder" } as const;
/** Emails per lookup query: keeps ARRAY_CONTAINS parameters small. */
const EMAIL_CHUNK = 200;

/**
 * Members of one org in bulk: point reads and writes through Cosmos bulk operations (no scan),
 * the licensed list through one ORDER BY query per page with Cosmos continuation tokens.
 * Every query names the org (the emulator ignores the partitionKey option).
 */
export class CosmosMemberRoster implements MemberRoster {
  constructor(private readonly db: CosmosDatabase) {}

  private async container(): Promise<Container> {
    return (await storeCall("Opening the database", () => this.db.containers())).members;
  }

  async readMany(orgId: string, userIds: readonly string[]): Promise<Map<string, Versioned<MemberRecord>>> {
    const members = await this.container();
    const operations: OperationInput[] = userIds.map((id) => ({ operationType: "Read", id, partitionKey: orgId }));
    const results = await executeBulk("Reading the members", members, operations);
    const found = new Map<string, Versioned<MemberRecord>>();
    results.forEach((result, i) => {
      const status = bulkStatus(result);
      if (status === 404) return;
      const body = result.response?.resourceBody as Record<string, unknown> | undefined;
      if (status >= 400 || !body) throw Object.assign(new Error(`Reading member ${userIds[i]} answered ${status}.`), { statusCode: status });
      if (body.type !== "member") return; // an id that names another kind of document is no member
      found.set(userIds[i]!, { value: memberRecord(body), etag: result.response?.eTag ?? String(body._etag) });
    });
    return found;
  }

  async writeMany(orgId: string, writes: readonly MemberWrite[]): Promise<MemberWriteOutcome[]> {
    const members = await this.container();
    const operations: OperationInput[] = writes.map((write) => {
      if (write.member.orgId !== orgId) throw new Error("A member write names another org.");
      const resourceBody = memberDocument(write.member) as unknown as Record<string, never>;
      return write.kind === "create"
        ? { operationType: "Create", partitionKey: orgId, resourceBody }
        : { operationType: "Replace", partitionKey: orgId, id: write.member.userId, ifMatch: write.etag, resourceBody };
    });
    const results = await executeBulk("Saving the members", members, operations);
    return results.map((result): MemberWriteOutcome => {
      const status = bulkStatus(result);
      if (status < 400) return { ok: true };
      if (status === 409 || status === 412 || status === 404) {
        return { ok: false, reason: "changed", message: "Someone else changed this user at the same time." };
      }
      return { ok: false, reason: "failed", message: `The store could not save this user (status ${status}).` };
    });
  }

  async list(orgId: string, q: MemberListQuery): Promise<MemberPage> {
    const members = await this.container();
    const filters = ["c.orgId = @orgId", "c.type = 'member'"];
    const parameters: { name: string; value: string | string[] }[] = [{ name: "@orgId", value: orgId }];
    if (q.licensedOnly) {
      filters.push("ARRAY_CONTAINS(@roles, c.role)");
      parameters.push({ name: "@roles", value: q.defaultLicensed ? [...EXPLICIT_ROLES, "Default"] : EXPLICIT_ROLES });
    }
    if (q.search) {
      filters.push("CONTAINS(c.search, @search)");
      parameters.push({ name: "@search", value: q.search });
    }
    const query = `SELECT * FROM c WHERE ${filters.join(" AND ")} ORDER BY c.${SORT_FIELD[q.sort]} ${q.descending ? "DESC" : "ASC"}`;
    // Our token binds Cosmos' token to the exact query, so a token of another sort or search
    // is refused with a clear 400 instead of a store error.
    const fingerprint = createHash("sha256").update(JSON.stringify({ query, parameters })).digest("base64url").slice(0, 16);
    const cosmosToken = q.continuation ? openToken(q.continuation, fingerprint) : undefined;
    const { resources, continuationToken } = await storeCall("Listing the members", async () => {
      try {
        return await members.items
          .query<Record<string, unknown>>({ query, parameters }, { partitionKey: orgId, maxItemCount: q.pageSize, ...(cosmosToken ? { continuationToken: cosmosToken } : {}) })
          .fetchNext();
      } catch (error) {
        if ((error as { code?: unknown }).code === 400 && cosmosToken) throw invalidToken();
        throw error;
      }
    });
    return {
      members: resources.map(memberRecord),
      continuation: continuationToken ? Buffer.from(JSON.stringify({ f: fingerprint, t: continuationToken })).toString("base64url") : null,
    };
  }

  async findByEmails(orgId: string, emails: readonly string[]): Promise<Map<string, MemberRecord>> {
    const members = await this.container();
    const found = new Map<string, MemberRecord>();
    for (let i = 0; i < emails.length; i += EMAIL_CHUNK) {
      const chunk = emails.slice(i, i + EMAIL_CHUNK).map((e) => e.toLowerCase());
      const { resources } = await storeCall("Finding members by e-mail", () =>
        members.items
          .query<Record<string, unknown>>(
            {
              query: "SELECT * FROM c WHERE c.orgId = @orgId AND c.type = 'member' AND ARRAY_CONTAINS(@emails, c.emailKey)",
              parameters: [{ name: "@orgId", value: orgId }, { name: "@emails", value: chunk }],
            },
            { partitionKey: orgId },
          )
          .fetchAll(),
      );
      for (const doc of resources) found.set(String(doc.emailKey), memberRecord(doc));
    }
    return found;
  }

  async countCategories(orgId: string): Promise<SeatCounts> {
    const members = await this.container();
    const count = async (condition: string, parameters: SqlParameter[]) => {
      const { resources } = await storeCall("Counting the members", () =>
        members.items
          .query<number>(
            { query: `SELECT VALUE COUNT(1) FROM c WHERE c.orgId = @orgId AND c.type = 'member' AND ${condition}`, parameters: [{ name: "@orgId", value: orgId }, ...parameters] },
            { partitionKey: orgId },
          )
          .fetchAll(),
      );
      return resources[0] ?? 0;
    };
    const [explicit, onDefault] = await Promise.all([
      count("ARRAY_CONTAINS(@roles, c.role)", [{ name: "@roles", value: EXPLICIT_ROLES }]),
      count("c.role = 'Default'", []),
    ]);
    return { explicit, onDefault };
  }
}

function invalidToken(): ValidationError {
  return new ValidationError("The continuation token is not valid for this list (it belongs to another sort or search, or is damaged). Start again from the first page.");
}

function openToken(token: string, fingerprint: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { f?: unknown; t?: unknown };
    if (parsed.f === fingerprint && typeof parsed.t === "string") return parsed.t;
  } catch {
    // fall through: not one of ours
  }
  throw invalidToken();
}
