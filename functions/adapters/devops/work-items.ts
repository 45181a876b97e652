import { z } from "zod";
import { WorkItemTrackingApi } from "azure-devops-node-api/WorkItemTrackingApi";
import { WorkItemErrorPolicy, WorkItemExpand } from "azure-devops-node-api/interfaces/WorkItemTrackingInterfaces";
import { UpstreamError } from "../../domain/errors";
import type { WorkItemDirectory, WorkItemInfo } from "../../ports/work-item-directory";
import { DevopsClient, type DevopsSession } from "./devops-http";
import type { DevopsOptions } from "./devops-options";
import { devopsBaseUrl } from "./devops-urls";

/** Azure DevOps' limit for one GET workitems?ids= batch. */
const BATCH_SIZE = 200;
const CHILD_LINK = "System.LinkTypes.Hierarchy-Forward";

/**
 * The typed work item client, held to the api-version the 7.1 specification lists for
 * Work Items_Get Work Item / Work Items_List ("7.1"). Left alone it negotiates
 * "7.1-preview.3", a preview of a released version, which Microsoft's versioning policy
 * deprecates and may switch off 12 weeks after the release
 * (learn.microsoft.com/azure/devops/integrate/concepts/rest-api-versioning).
 */
class WorkItemTracking71 extends WorkItemTrackingApi {
  override createRequestOptions(
    type: string,
    _apiVersion?: string,
  ): ReturnType<WorkItemTrackingApi["createRequestOptions"]> {
    return super.createRequestOptions(type, "7.1");
  }
}

const WorkItemWire = z.object({
  id: z.number(),
  fields: z.record(z.string(), z.unknown()),
  relations: z.array(z.object({ rel: z.string(), url: z.string() })).nullish(),
});
const BatchWire = z.array(WorkItemWire.nullable());

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
 * Work items through azure-devops-node-api's typed WorkItemTrackingApi with the caller's
 * own access token, so Azure DevOps decides what the caller may see (a work item of another
 * org or a hidden project simply does not exist for them).
 */
export class DevopsWorkItemDirectory implements WorkItemDirectory {
  private readonly http: DevopsClient;

  constructor(private readonly options: DevopsOptions) {
    this.http = new DevopsClient(options);
  }

  /**
   * The calls of one lookup on the typed client, in one session (one throttling budget).
   * The client is built on the org's URL directly: work items live on the org's own host, so
   * it skips WebApi's resource-area lookup and only asks for the wit route templates (OPTIONS).
   */
  private withClient<T>(
    orgName: string,
    accessToken: string,
    work: (api: WorkItemTracking71, session: DevopsSession) => Promise<T>,
  ): Promise<T> {
    return this.http.session({ kind: "bearer", token: accessToken }, async (session) => {
      const webApi = session.webApi(devopsBaseUrl(this.options, "core", orgName));
      const api = new WorkItemTracking71(
        webApi.serverUrl,
        [webApi.authHandler],
        { ...webApi.options, keepAlive: true },
        "timetracker-azure-devops",
      );
      try {
        return await work(api, session);
      } finally {
        api.rest.client.dispose();
      }
    });
  }

  async find(orgName: string, accessToken: string, id: number): Promise<WorkItemInfo | null> {
    // The client answers null for 404 (TF401232: no such item, or not visible to the caller).
    const body: unknown = await this.withClient(orgName, accessToken, (api, s) =>
      s.send(() => api.getWorkItem(id, undefined, undefined, WorkItemExpand.Relations)),
    );
    if (body === null || body === undefined) return null;
    const parsed = WorkItemWire.safeParse(body);
    if (!parsed.success) throw new UpstreamError("Azure DevOps answered a work item in an unexpected format.");
    return toInfo(parsed.data);
  }

  async findMany(orgName: string, accessToken: string, ids: number[]): Promise<WorkItemInfo[]> {
    return this.withClient(orgName, accessToken, async (api, session) => {
      const found: WorkItemInfo[] = [];
      for (let i = 0; i < ids.length; i += BATCH_SIZE) {
        const batch = ids.slice(i, i + BATCH_SIZE);
        const body: unknown = await session.send(() =>
          api.getWorkItems(batch, undefined, undefined, WorkItemExpand.Relations, WorkItemErrorPolicy.Omit),
        );
        const parsed = BatchWire.safeParse(body ?? []);
        if (!parsed.success)
          throw new UpstreamError("Azure DevOps answered a work item batch in an unexpected format.");
        for (const item of parsed.data) if (item) found.push(toInfo(item));
      }
      return found;
    });
  }
}
