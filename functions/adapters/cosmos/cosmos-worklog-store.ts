import type { SqlParameter } from "@azure/cosmos";
import type { Worklog } from "../../domain/worklog";
import type { Versioned } from "../../ports/versioned";
import type { WorklogFilter, WorklogPage, WorklogStore } from "../../ports/worklog-store";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { toVersioned } from "./document";
import { WorklogWeekIndex } from "./cosmos-worklog-week-index";

type WorklogDocument = Worklog & { type: "worklog" };

const asWorklog = (doc: Record<string, unknown>): Worklog => {
  const { type: _type, ...worklog } = doc as unknown as WorklogDocument;
  return worklog;
};

/** One user's range up to this long is read through the week index (My time, a month in Times Explorer). */
const INDEXED_RANGE_DAYS = 42;
const POINT_READ_CONCURRENCY = 16;
const INDEX_TOKEN_PREFIX = "week-index:";

/**
 * Worklogs live in the org's partition of the `worklogs` container; every query names the
 * partition. One user's weeks are read through the week index (point reads), so "My time"
 * costs the same in an org with 100 worklogs as in one with millions, on any store.
 */
export class CosmosWorklogStore implements WorklogStore {
  constructor(private readonly db: CosmosDatabase) {}

  private async container() {
    return (await storeCall("Opening the database", () => this.db.containers())).worklogs;
  }

  private async index(): Promise<WorklogWeekIndex> {
    return new WorklogWeekIndex(await this.container());
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
    await (await this.index()).add(worklog.orgId, worklog.userId, worklog.day, worklog.id);
    return storeCall("Saving the worklog", async () => {
      const doc: WorklogDocument = { ...worklog, type: "worklog" };
      const { resource } = await worklogs.items.create(doc);
      return toVersioned(resource as unknown as Record<string, unknown>, asWorklog)!;
    });
  }

  async replace(worklog: Worklog, etag: string): Promise<Versioned<Worklog>> {
    const worklogs = await this.container();
    // Its day may have moved to another week: list it there before it is there.
    await (await this.index()).add(worklog.orgId, worklog.userId, worklog.day, worklog.id);
    return storeCall("Saving the worklog", async () => {
      const doc: WorklogDocument = { ...worklog, type: "worklog" };
      const { resource } = await worklogs
        .item(worklog.id, worklog.orgId)
        .replace(doc, { accessCondition: { type: "IfMatch", condition: etag } });
      return toVersioned(resource as unknown as Record<string, unknown>, asWorklog)!;
    });
  }

  async delete(worklog: Worklog, etag: string): Promise<void> {
    const worklogs = await this.container();
    await storeCall("Deleting the worklog", () =>
      worklogs.item(worklog.id, worklog.orgId).delete({ accessCondition: { type: "IfMatch", condition: etag } }),
    );
    // Tidy only: an id left behind points nowhere and readers skip it.
    await (await this.index()).remove(worklog.orgId, worklog.userId, worklog.day, worklog.id).catch(() => undefined);
  }

  async list(
    orgId: string,
    filter: WorklogFilter,
    page: { pageSize: number; continuationToken?: string; order?: "asc" | "desc" },
  ): Promise<WorklogPage> {
    if (usesWeekIndex(filter, page.continuationToken)) return this.listThroughIndex(orgId, filter, page);
    const worklogs = await this.container();
    const { query, parameters } = buildQuery(orgId, filter, page.order ?? "desc");
    return storeCall("Reading worklogs", async () => {
      const response = await worklogs.items
        .query<Record<string, unknown>>(
          { query, parameters },
          {
            partitionKey: orgId,
            maxItemCount: page.pageSize,
            ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
          },
        )
        .fetchNext();
      return {
        items: response.resources.map((doc) => toVersioned(doc, asWorklog)!),
        continuationToken: response.continuationToken ?? null,
      };
    });
  }

  private async listThroughIndex(
    orgId: string,
    filter: WorklogFilter,
    page: { pageSize: number; continuationToken?: string; order?: "asc" | "desc" },
  ): Promise<WorklogPage> {
    const ids = await (await this.index()).ids(orgId, filter.userId!, filter.fromDay!, filter.toDay!);
    const found: Versioned<Worklog>[] = [];
    for (let i = 0; i < ids.length; i += POINT_READ_CONCURRENCY) {
      const batch = await Promise.all(ids.slice(i, i + POINT_READ_CONCURRENCY).map((id) => this.get(orgId, id)));
      for (const entry of batch) if (entry && matches(entry.value, filter)) found.push(entry);
    }
    const sign = page.order === "asc" ? 1 : -1;
    found.sort(
      (a, b) => sign * a.value.startUtc.localeCompare(b.value.startUtc) || a.value.id.localeCompare(b.value.id),
    );
    const offset = page.continuationToken ? Number(page.continuationToken.slice(INDEX_TOKEN_PREFIX.length)) : 0;
    const end = offset + page.pageSize;
    return {
      items: found.slice(offset, end),
      continuationToken: end < found.length ? `${INDEX_TOKEN_PREFIX}${end}` : null,
    };
  }
}

function usesWeekIndex(filter: WorklogFilter, continuationToken: string | undefined): boolean {
  if (continuationToken !== undefined && !/^week-index:\d+$/.test(continuationToken)) return false;
  if (filter.userId === undefined || filter.fromDay === undefined || filter.toDay === undefined) return false;
  return Date.parse(filter.toDay) - Date.parse(filter.fromDay) <= INDEXED_RANGE_DAYS * 86_400_000;
}

/** The same conditions as the query below, for worklogs read by id. */
function matches(w: Worklog, filter: WorklogFilter): boolean {
  return (
    (filter.userId === undefined || w.userId === filter.userId) &&
    (filter.fromDay === undefined || w.day >= filter.fromDay) &&
    (filter.toDay === undefined || w.day <= filter.toDay) &&
    (filter.workItemIds === undefined || filter.workItemIds.includes(w.workItemId)) &&
    (filter.activityTypeId === undefined || w.activityTypeId === filter.activityTypeId)
  );
}

/** Parameterised, portable SQL (no OFFSET/LIMIT, no GROUP BY): paging is by continuation token. */
export function buildQuery(
  orgId: string,
  filter: WorklogFilter,
  order: "asc" | "desc",
): { query: string; parameters: SqlParameter[] } {
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
  return {
    query: `SELECT * FROM c WHERE ${where.join(" AND ")} ORDER BY c.startUtc ${order === "asc" ? "ASC" : "DESC"}`,
    parameters,
  };
}
