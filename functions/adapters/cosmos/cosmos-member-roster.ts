import type { Container, OperationInput, SqlParameter } from "@azure/cosmos";
import type { MemberRecord } from "../../domain/member";
import type { SourceFilter } from "../../domain/role-sources";
import type { SeatCounts } from "../../domain/seats";
import type { MemberFilter, MemberListQuery, MemberPage, MemberRoster, RuleHolder } from "../../ports/member-roster";
import type { Versioned } from "../../ports/versioned";
import type { CosmosDatabase } from "./cosmos-client";
import { executeBulk } from "./cosmos-bulk";
import { storeCall } from "./cosmos-errors";
import { toVersioned } from "./document";
import { memberRecord } from "./cosmos-member-document";
import { openPageToken, queryFingerprint, sealPageToken } from "./cosmos-page-token";

const EXPLICIT_ROLES = ["Team", "Product", "Budget", "Administrator"];
const SORT_FIELD = { name: "nameKey", email: "emailKey", role: "roleOrder" } as const;
/** Requests naming this many users may read the whole org instead (readMany). */
const WHOLE_ORG_READ_FROM = 1_000;
/** Emails per lookup query: keeps ARRAY_CONTAINS parameters small. */
const EMAIL_CHUNK = 200;

type Parameters = { name: string; value: string | string[] }[];

/** The WHERE clause of a member list (every query names the org: the emulator ignores the partition key). */
function filterClause(orgId: string, q: MemberFilter): { where: string; parameters: Parameters } {
  const filters = ["c.orgId = @orgId", "c.type = 'member'"];
  const parameters: Parameters = [{ name: "@orgId", value: orgId }];
  if (q.licensedOnly) {
    filters.push("ARRAY_CONTAINS(@roles, c.role)");
    parameters.push({ name: "@roles", value: q.defaultLicensed ? [...EXPLICIT_ROLES, "Default"] : EXPLICIT_ROLES });
  }
  if (q.search) {
    filters.push("CONTAINS(c.search, @search)");
    parameters.push({ name: "@search", value: q.search });
  }
  filters.push(...sourceFilter(q.source, parameters));
  if (q.trackedNothingSince) {
    // ISO instants of one format compare as strings; a member who never tracked has no field.
    filters.push("(NOT IS_DEFINED(c.lastTrackedAt) OR c.lastTrackedAt < @trackedSince)");
    parameters.push({ name: "@trackedSince", value: q.trackedNothingSince });
  }
  return { where: filters.join(" AND "), parameters };
}

/**
 * The licensed list's source filter over the stored parts, as domain/role-sources.ts
 * `roleSourceLabels` names them: "direct" when an administrator assigned a role (records
 * from before group rules have only `role`, which was the direct one, and is licensed in this
 * list), "rules" when the member is in any rule's group, "rule" when in that rule's.
 */
function sourceFilter(source: SourceFilter | null, parameters: Parameters): string[] {
  if (!source) return [];
  switch (source.kind) {
    case "direct":
      return ["(NOT IS_DEFINED(c.direct) OR c.direct != 'None')"];
    case "rules":
      return ["ARRAY_LENGTH(c.grants) > 0"];
    case "rule":
      parameters.push({ name: "@ruleId", value: source.ruleId });
      return ['ARRAY_CONTAINS(c.grants, {"ruleId": @ruleId}, true)'];
  }
}

/**
 * Members of one org in bulk: point reads through Cosmos bulk operations (no scan),
 * the licensed list through one ORDER BY query per page with Cosmos continuation tokens.
 * Every query names the org (the emulator ignores the partitionKey option).
 */
export class CosmosMemberRoster implements MemberRoster {
  constructor(private readonly db: CosmosDatabase) {}

  private async container(): Promise<Container> {
    return (await storeCall("Opening the database", () => this.db.containers())).members;
  }

  async get(orgId: string, userId: string): Promise<Versioned<MemberRecord> | null> {
    const members = await this.container();
    return storeCall("Reading the member", async () => {
      const { resource, statusCode } = await members.item(userId, orgId).read<Record<string, unknown>>();
      return statusCode === 404 || resource?.type !== "member" ? null : toVersioned(resource, memberRecord);
    });
  }

  async readMany(orgId: string, userIds: readonly string[]): Promise<Map<string, Versioned<MemberRecord>>> {
    // A request naming more users than the org has records (a rule's first sync over a large
    // group) reads the org's records in one query instead of a point read per user, most of
    // which would find nothing.
    if (userIds.length >= WHOLE_ORG_READ_FROM && (await this.countMembers(orgId)) * 2 < userIds.length)
      return this.readAllOf(orgId, userIds);
    const members = await this.container();
    const operations: OperationInput[] = userIds.map((id) => ({ operationType: "Read", id, partitionKey: orgId }));
    const results = await executeBulk("Reading the members", members, operations);
    const found = new Map<string, Versioned<MemberRecord>>();
    results.forEach((result, i) => {
      const status = result.statusCode;
      if (status === 404) return;
      const body = result.resourceBody as Record<string, unknown> | undefined;
      if (status >= 400 || !body)
        throw Object.assign(new Error(`Reading member ${userIds[i]} answered ${status}.`), { statusCode: status });
      if (body.type !== "member") return; // an id that names another kind of document is no member
      found.set(userIds[i], { value: memberRecord(body), etag: result.eTag ?? String(body._etag) });
    });
    return found;
  }

  private async countMembers(orgId: string): Promise<number> {
    const members = await this.container();
    const { resources } = await storeCall("Counting the members", () =>
      members.items
        .query<number>(
          {
            query: "SELECT VALUE COUNT(1) FROM c WHERE c.orgId = @orgId AND c.type = 'member'",
            parameters: [{ name: "@orgId", value: orgId }],
          },
          { partitionKey: orgId },
        )
        .fetchAll(),
    );
    return resources[0] ?? 0;
  }

  /** `userIds`' records out of one query over the org's members (with their etags). */
  private async readAllOf(orgId: string, userIds: readonly string[]): Promise<Map<string, Versioned<MemberRecord>>> {
    const wanted = new Set(userIds);
    const members = await this.container();
    return storeCall("Reading the members", async () => {
      const iterator = members.items.query<Record<string, unknown>>(
        {
          query: "SELECT * FROM c WHERE c.orgId = @orgId AND c.type = 'member'",
          parameters: [{ name: "@orgId", value: orgId }],
        },
        { partitionKey: orgId, maxItemCount: 10_000 },
      );
      const found = new Map<string, Versioned<MemberRecord>>();
      while (iterator.hasMoreResults()) {
        for (const doc of (await iterator.fetchNext()).resources) {
          const id = String(doc.id);
          if (wanted.has(id)) found.set(id, toVersioned(doc, memberRecord)!);
        }
      }
      return found;
    });
  }

  async list(orgId: string, q: MemberListQuery): Promise<MemberPage> {
    const members = await this.container();
    const { where, parameters } = filterClause(orgId, q);
    const query = `SELECT * FROM c WHERE ${where} ORDER BY c.${SORT_FIELD[q.sort]} ${q.descending ? "DESC" : "ASC"}`;
    const fingerprint = queryFingerprint({ query, parameters });
    const cosmosToken = openPageToken(q.continuation, fingerprint);
    const { resources, continuationToken } = await storeCall("Listing the members", () =>
      members.items
        .query<Record<string, unknown>>(
          { query, parameters },
          { partitionKey: orgId, maxItemCount: q.pageSize, ...(cosmosToken ? { continuationToken: cosmosToken } : {}) },
        )
        .fetchNext(),
    );
    return { members: resources.map(memberRecord), continuation: sealPageToken(fingerprint, continuationToken) };
  }

  async matchingIds(orgId: string, filter: MemberFilter): Promise<string[]> {
    const members = await this.container();
    const { where, parameters } = filterClause(orgId, filter);
    const { resources } = await storeCall("Listing the members", () =>
      members.items
        .query<string>(
          { query: `SELECT VALUE c.id FROM c WHERE ${where}`, parameters },
          { partitionKey: orgId, maxItemCount: 5000 },
        )
        .fetchAll(),
    );
    return resources;
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
              query:
                "SELECT * FROM c WHERE c.orgId = @orgId AND c.type = 'member' AND ARRAY_CONTAINS(@emails, c.emailKey)",
              parameters: [
                { name: "@orgId", value: orgId },
                { name: "@emails", value: chunk },
              ],
            },
            { partitionKey: orgId },
          )
          .fetchAll(),
      );
      for (const doc of resources) found.set(String(doc.emailKey), memberRecord(doc));
    }
    return found;
  }

  async withRule(orgId: string, ruleId: string): Promise<MemberRecord[]> {
    return this.queryAll("Reading the rule's members", "AND ARRAY_CONTAINS(c.ruleIds, @ruleId)", orgId, [
      { name: "@ruleId", value: ruleId },
    ]);
  }

  async ruleHolders(orgId: string, ruleId: string): Promise<RuleHolder[]> {
    const members = await this.container();
    return storeCall("Reading the rule's members", async () => {
      const iterator = members.items.query<RuleHolder>(
        {
          query:
            "SELECT c.userId AS id, c.displayName, c.email, c.uniqueName FROM c WHERE c.orgId = @orgId AND c.type = 'member' AND ARRAY_CONTAINS(c.ruleIds, @ruleId)",
          parameters: [
            { name: "@orgId", value: orgId },
            { name: "@ruleId", value: ruleId },
          ],
        },
        { partitionKey: orgId, maxItemCount: 10_000 },
      );
      const all: RuleHolder[] = [];
      while (iterator.hasMoreResults()) all.push(...(await iterator.fetchNext()).resources);
      return all;
    });
  }

  async listAll(orgId: string): Promise<MemberRecord[]> {
    return this.queryAll("Reading the members", "", orgId, []);
  }

  private async queryAll(
    what: string,
    condition: string,
    orgId: string,
    extra: SqlParameter[],
  ): Promise<MemberRecord[]> {
    const members = await this.container();
    return storeCall(what, async () => {
      const iterator = members.items.query<Record<string, unknown>>(
        {
          query: `SELECT * FROM c WHERE c.orgId = @orgId AND c.type = 'member' ${condition}`,
          parameters: [{ name: "@orgId", value: orgId }, ...extra],
        },
        // Large pages: every page is a round trip (and on the emulator a scan of the container);
        // Cosmos DB still cuts a page at 4 MB.
        { partitionKey: orgId, maxItemCount: 10_000 },
      );
      const all: MemberRecord[] = [];
      while (iterator.hasMoreResults()) {
        const { resources } = await iterator.fetchNext();
        all.push(...resources.map(memberRecord));
      }
      return all;
    });
  }

  async countCategories(orgId: string): Promise<SeatCounts> {
    const members = await this.container();
    const count = async (condition: string, parameters: SqlParameter[]) => {
      const { resources } = await storeCall("Counting the members", () =>
        members.items
          .query<number>(
            {
              query: `SELECT VALUE COUNT(1) FROM c WHERE c.orgId = @orgId AND c.type = 'member' AND ${condition}`,
              parameters: [{ name: "@orgId", value: orgId }, ...parameters],
            },
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
