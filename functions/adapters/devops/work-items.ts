import { z } from "zod";
import { NotFoundError, UpstreamError } from "../../domain/errors";
import type { WorkItemDirectory, WorkItemInfo } from "../../ports/work-item-directory";
import { bearer, devopsRequest } from "./devops-http";
import { devopsUrl, type DevopsOptions } from "./devops-urls";

const API_VERSION = "7.1";
/** Azure DevOps' limit for one GET workitems?ids= batch. */
const BATCH_SIZE = 200;
const CHILD_LINK = "System.LinkTypes.Hierarchy-Forward";

const WorkItemWire = z.object({
  id: z.number(),
  fields: z.record(z.string(), z.unknown()),
  relations: z.array(z.object({ rel: z.string(), url: z.string() })).nullish(),
});
const BatchWire = z.object({ value: z.array(WorkItemWire.nullable()) });

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function toInfo(wire: z.infer<typeof WorkItemWire>): WorkItemInfo {
  const childIds = (wire.relations ?? [])
    .filter((r) => r.rel === CHILD_LINK)
    .map((r) => Number(/\/workItems\/(\d+)$/i.exec(r.url)?.[1]))
    .filter((id) => Number.isInteger(id) && id > 0);
  return {
    id: wire.id,
    title: text(wire.fields["System.Title"]),
    state: text(wire.fields["System.State"]),
    type: text(wire.fields["System.WorkItemType"]),
    project: text(wire.fields["System.TeamProject"]),
    childIds,
  };
}

/**
 * Work items through Azure DevOps' REST API with the caller's own access token, so Azure
 * DevOps decides what the caller may see (a work item of another org or a hidden project
 * simply does not exist for them).
 */
export class DevopsWorkItemDirectory implements WorkItemDirectory {
  constructor(private readonly config: DevopsOptions) {}

  async find(orgName: string, accessToken: string, id: number): Promise<WorkItemInfo | null> {
    const url = devopsUrl(this.config, "core", orgName, `/_apis/wit/workitems/${id}?$expand=relations&api-version=${API_VERSION}`);
    try {
      const { body } = await devopsRequest<unknown>(url, bearer(accessToken), this.config.requestTimeoutMs);
      const parsed = WorkItemWire.safeParse(body);
      if (!parsed.success) throw new UpstreamError("Azure DevOps answered a work item in an unexpected format.");
      return toInfo(parsed.data);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  async findMany(orgName: string, accessToken: string, ids: number[]): Promise<WorkItemInfo[]> {
    const found: WorkItemInfo[] = [];
    for (let i = 0; i < ids.length; i += BATCH_SIZE) {
      const batch = ids.slice(i, i + BATCH_SIZE);
      const path = `/_apis/wit/workitems?ids=${batch.join(",")}&$expand=relations&errorPolicy=omit&api-version=${API_VERSION}`;
      const { body } = await devopsRequest<unknown>(devopsUrl(this.config, "core", orgName, path), bearer(accessToken), this.config.requestTimeoutMs);
      const parsed = BatchWire.safeParse(body);
      if (!parsed.success) throw new UpstreamError("Azure DevOps answered a work item batch in an unexpected format.");
      for (const item of parsed.data.value) if (item) found.push(toInfo(item));
    }
    return found;
  }
}
