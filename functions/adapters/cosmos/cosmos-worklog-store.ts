import type { SqlParameter } from "@azure/cosmos";
import type { Worklog } from "../../domain/worklog";
import type { Versioned } from "../../ports/versioned";
import type { WorklogFilter, WorklogPage, WorklogStore } from "../../ports/worklog-store";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { toVersioned } from "./document";

type WorklogDocument = Worklog & { type: "worklog" };

const asWorklog = (doc: Record<string, unknown>): Worklog => {
  const { type: _type, ...worklog } = doc as unknown as WorklogDocument;
  return worklog;
};

/**
 * Worklogs live in the org's partition of the `worklogs` container. Every query names the
 * partition, so its cost follows the rows it returns, not the size of other orgs.
 */
export class CosmosWorklogStore implements WorklogStore {
  constructor(private readonly db: CosmosDatabase) {}

  private async container() {
    return (await storeCall("Opening the database", () => this.db.containers())).worklogs;
  }

  async get(orgId: string, id: string): Promise<Versioned<Worklog> | null> {
    const worklogs = await this.container();
    return storeCall("Reading the worklog", async () => {
      const { resource, statusCode } = await worklogs.item(id, orgId).read<Record<string, unknown>>();
      if (statusCode === 404 || resource?.type !== "worklog") return null;
      return toVersioned(resource, asWorklog);
    });
  }

  async create(worklog: Worklog): Promise<Versioned<Worklog>> {
    const worklogs = await this.container();
    return storeCall("Saving the worklog", async () => {
      const doc: WorklogDocument = { ...worklog, type: "worklog" };
      const { resource } = await worklogs.items.create(doc);
      return toVersioned(resource as unknown as Record<string, unknown>, asWorklog)!;
    });
  }

  async replace(worklog: Worklog, etag: string): Promise<Versioned<Worklog>> {
    const worklogs = await this.container();
    return storeCall("Saving the worklog", async () => {
      const doc: WorklogDocument = { ...worklog, type: "worklog" };
      const { resource } = await worklogs.item(worklog.id, worklog.orgId).replace(doc, { accessCondition: { type: "IfMatch", condition: etag } });
      return toVersioned(resource as unknown as Record<string, unknown>, asWorklog)!;
    });
  }

  async delete(orgId: string, id: string, etag: string): Promise<void> {
    const worklogs = await this.container();
    await storeCall("Deleting the worklog", () => worklogs.item(id, orgId).delete({ accessCondition: { type: "IfMatch", condition: etag } }));
  }

  async list(
    orgId: string,
    filter: WorklogFilter,
    page: { pageSize: number; continuationToken?: string; order?: "asc" | "desc" },
  ): Promise<WorklogPage> {
    const worklogs = await this.container();
    const { query, parameters } = buildQuery(orgId, filter, page.order ?? "desc");
    return storeCall("Reading worklogs", async () => {
      const response = await worklogs.items
        .query<Record<string, unknown>>(
          { query, parameters },
          { partitionKey: orgId, maxItemCount: page.pageSize, ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}) },
        )
        .fetchNext();
      return {
        items: response.resources.map((doc) => toVersioned(doc, asWorklog)!),
        continuationToken: response.continuationToken ?? null,
      };
    });
  }
}

/** Parameterised, portable SQL (no OFFSET/LIMIT, no GROUP BY): paging is by continuation token. */
export function buildQuery(orgId: string, filter: WorklogFilter, order: "asc" | "desc"): { query: string; parameters: SqlParameter[] } {
  const where = ["c.orgId = @orgId", "c.type = 'worklog'"];
  const parameters: SqlParameter[] = [{ name: "@orgId", value: orgId }];
  if (filter.userId !== undefined) {
    where.push("c.userId = @userId");
    parameters.push({ name: "@userId", value: filter.userId });
  }
  if (filter.fromDay !== undefined) {
    where.push("c.day >= @fromDay");
    parameters.push({ name: "@fromDay", value: filter.fromDay });
  }
  if (filter.toDay !== undefined) {
    where.push("c.day <= @toDay");
    parameters.push({ name: "@toDay", value: filter.toDay });
  }
  if (filter.workItemIds !== undefined) {
    where.push("ARRAY_CONTAINS(@workItemIds, c.workItemId)");
    parameters.push({ name: "@workItemIds", value: filter.workItemIds });
  }
  if (filter.activityTypeId !== undefined) {
    where.push("c.activityTypeId = @activityTypeId");
    parameters.push({ name: "@activityTypeId", value: filter.activityTypeId });
  }
  return { query: `SELECT * FROM c WHERE ${where.join(" AND ")} ORDER BY c.startUtc ${order === "asc" ? "ASC" : "DESC"}`, parameters };
}
