import { z } from "zod";
import { UpstreamError } from "../../domain/errors";
import type { CallerDirectory, ConnectionInfo } from "../../ports/directory";
import { bearer, devopsRequest } from "./devops-http";
import { devopsUrl, type DevopsOptions } from "./devops-urls";

/** Security namespace "Collection", GENERIC_WRITE (bit 2): held by Project Collection Administrators. */
const COLLECTION_NAMESPACE = "3e65f728-f8bc-4ecd-8764-7e378b19bfa7";
const GENERIC_WRITE = 2;

const ConnectionData = z.object({
  authenticatedUser: z.object({
    id: z.string(),
    providerDisplayName: z.string().optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  }),
  instanceId: z.string(),
  deploymentType: z.string().optional(),
});

const PermissionResult = z.object({ value: z.array(z.boolean()) });

function accountEmail(properties: Record<string, unknown> | undefined): string {
  const account = properties?.Account as { $value?: unknown } | undefined;
  return typeof account?.$value === "string" ? account.$value : "";
}

export class DevopsCallerDirectory implements CallerDirectory {
  constructor(private readonly config: DevopsOptions) {}

  async connectionData(orgName: string, accessToken: string): Promise<ConnectionInfo> {
    const url = devopsUrl(this.config, "core", orgName, "/_apis/connectionData");
    const { body } = await devopsRequest<unknown>(url, bearer(accessToken), this.config.requestTimeoutMs);
    const parsed = ConnectionData.safeParse(body);
    if (!parsed.success) throw new UpstreamError("Azure DevOps answered connectionData in an unexpected format.");
    const user = parsed.data.authenticatedUser;
    return {
      userId: user.id,
      displayName: user.providerDisplayName ?? "",
      email: accountEmail(user.properties),
      orgId: parsed.data.instanceId,
      deploymentType: parsed.data.deploymentType ?? "hosted",
    };
  }

  async isCollectionAdmin(orgName: string, accessToken: string): Promise<boolean> {
    const path = `/_apis/permissions/${COLLECTION_NAMESPACE}/${GENERIC_WRITE}?api-version=7.1`;
    const url = devopsUrl(this.config, "core", orgName, path);
    const { body } = await devopsRequest<unknown>(url, bearer(accessToken), this.config.requestTimeoutMs);
    const parsed = PermissionResult.safeParse(body);
    if (!parsed.success) throw new UpstreamError("Azure DevOps answered the permission check in an unexpected format.");
    return parsed.data.value[0] === true;
  }
}
