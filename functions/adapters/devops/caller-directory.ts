import { z } from "zod";
import { UpstreamError } from "../../domain/errors";
import type { CallerDirectory, ConnectionInfo } from "../../ports/directory";
import { DevopsClient } from "./devops-http";
import type { DevopsOptions } from "./devops-options";
import { devopsBaseUrl } from "./devops-urls";

/**
 * Security namespace "Collection" (3e65f728-…) and its GENERIC_WRITE bit (2, "Edit
 * collection-level information"), held by Project Collection Administrators: Microsoft's
 * "Security namespace and permission reference for Azure DevOps", Organization-level
 * namespaces, Collection (learn.microsoft.com/azure/devops/organizations/security/namespace-reference).
 */
const COLLECTION_NAMESPACE = "3e65f728-f8bc-4ecd-8764-7e378b19bfa7";
const GENERIC_WRITE = 2;
/**
 * The Collection namespace's root token, the organization itself. Microsoft's namespace
 * reference names the namespace and its bits but, in the revisions we could read, no token;
 * Microsoft's Team Explorer Everywhere SDK names it for this namespace id
 * (com.microsoft.tfs.core.clients.security.FrameworkSecurity.PROCESS_TEMPLATE_NAMESPACE_TOKEN
 * = "NAMESPACE"), and Microsoft's Terraform provider builds "NAMESPACE:" (a child, which
 * inherits from it). Microsoft's recorded Permissions_Has Permissions examples always pass
 * `tokens` and answer one boolean per token; what the service does without one is undocumented.
 */
export const COLLECTION_TOKEN = "NAMESPACE";

const ConnectionData = z.object({
  authenticatedUser: z.object({
    id: z.string(),
    providerDisplayName: z.string().optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  }),
  instanceId: z.string(),
  deploymentType: z.string().optional(),
});

/** Permissions_Has Permissions: `{ count, value: boolean[] }`, one value per token asked. */
const PermissionResult = z.object({ value: z.array(z.unknown()) });

function accountEmail(properties: Record<string, unknown> | undefined): string {
  const account = properties?.Account as { $value?: unknown } | undefined;
  return typeof account?.$value === "string" ? account.$value : "";
}

export class DevopsCallerDirectory implements CallerDirectory {
  private readonly http: DevopsClient;

  constructor(private readonly options: DevopsOptions) {
    this.http = new DevopsClient(options);
  }

  async connectionData(orgName: string, accessToken: string): Promise<ConnectionInfo> {
    // connectionData is not in the published specifications: WebApi.connect() is the client's own call for it.
    const raw = await this.http.session({ kind: "bearer", token: accessToken }, (s) => {
      const webApi = s.webApi(devopsBaseUrl(this.options, "core", orgName));
      return s.send(() => webApi.connect());
    });
    const parsed = ConnectionData.safeParse(raw);
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
    // The Node package has no typed Security client, so the rest client sends Permissions_Has Permissions.
    const params = new URLSearchParams({ tokens: COLLECTION_TOKEN, "api-version": "7.1" });
    const path = `/_apis/permissions/${COLLECTION_NAMESPACE}/${GENERIC_WRITE}?${params}`;
    const body = await this.http.session({ kind: "bearer", token: accessToken }, (s) =>
      s.getJson(devopsBaseUrl(this.options, "core", orgName), path),
    );
    // One value per token: only an explicit true for the one token we asked about is a PCA;
    // anything else (no body, other counts, other values) is not.
    const parsed = PermissionResult.safeParse(body);
    return parsed.success && parsed.data.value.length === 1 && parsed.data.value[0] === true;
  }
}
