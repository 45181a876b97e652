import { AdoError } from "../errors";
import { ok, type CallerContext, type Reply } from "../http";
import type { OrgState } from "../org-state";
import type { ProjectRecord } from "../records";
import type { Route } from "../router";
import { identityOf } from "./identity-shapes";

// Core host endpoints: connectionData, projects, and the permission check used for PCAs.

const COLLECTION_NAMESPACE = "3e65f728-f8bc-4ecd-8764-7e378b19bfa7";
const GENERIC_READ = 1;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function connectionData({ org, caller }: CallerContext): Reply {
  const full = identityOf(org, caller);
  const user = {
    id: full.id,
    descriptor: full.descriptor,
    subjectDescriptor: full.subjectDescriptor,
    providerDisplayName: full.providerDisplayName,
    isActive: true,
    properties: { Account: { $type: "System.String", $value: caller.email } },
    resourceVersion: 2,
    metaTypeId: 0,
  };
  return ok({
    authenticatedUser: user,
    authorizedUser: user,
    instanceId: org.id,
    deploymentId: org.deploymentId,
    // DeploymentFlags (azure-devops-node-api VSSInterfaces) as the JSON answer spells it.
    deploymentType: org.deployment === "server" ? "onPremises" : "hosted",
    locationServiceData: {
      serviceOwner: "00025394-6065-48ca-87d9-7f5672854ef7",
      defaultAccessMappingMoniker: "PublicAccessMapping",
      lastChangeId: 1,
      lastChangeId64: 1,
    },
  });
}

/**
 * The Collection namespace's root token. Microsoft's security namespace reference lists no token
 * for it; Microsoft's Team Explorer Everywhere SDK (FrameworkSecurity.PROCESS_TEMPLATE_NAMESPACE_TOKEN,
 * for this namespace id) names it "NAMESPACE". Tokens are case-insensitive, and a child token
 * (`NAMESPACE:...`, ':' separated) inherits from it.
 */
const COLLECTION_ROOT_TOKEN = "namespace";

function coversCollection(token: string): boolean {
  const t = token.toLowerCase();
  return t === COLLECTION_ROOT_TOKEN || t.startsWith(`${COLLECTION_ROOT_TOKEN}:`);
}

/**
 * Permissions_Has Permissions (security 7.1): one boolean per token in `tokens` (split on
 * `delimiter`, "," by default), wrapped as `{count, value}` as Microsoft's recorded examples
 * show; without tokens there is nothing to evaluate and the list is empty. Everyone may read
 * the collection; every other bit is granted to Project Collection Administrators only
 * (and, in the Collection namespace, only on its own token), which is what the product's
 * PCA check (Collection, GENERIC_WRITE = 2) relies on.
 */
function permissions({ org, caller, params, query }: CallerContext): Reply {
  const bits = Number(params.permissions);
  if (!GUID.test(params.namespaceId ?? "") || !Number.isInteger(bits) || bits <= 0) {
    throw new AdoError(
      400,
      "The security namespace id must be a GUID and permissions a positive integer.",
      "ArgumentException",
    );
  }
  const collection = params.namespaceId.toLowerCase() === COLLECTION_NAMESPACE;
  const tokens = query.list("tokens", query.get("delimiter") || ",");
  const value = tokens.map((token) => {
    if (!collection) return org.isPca(caller.id);
    if (!coversCollection(token)) return false;
    return bits === GENERIC_READ || org.isPca(caller.id);
  });
  return ok({ count: value.length, value });
}

function projectShape(baseUrl: string, org: OrgState, p: ProjectRecord): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    url: `${baseUrl}/${org.name}/_apis/projects/${p.id}`,
    state: "wellFormed",
    revision: 11,
    visibility: "private",
    lastUpdateTime: "2026-03-01T09:00:00.000Z",
  };
}

export function projectNotFound(name: string): AdoError {
  return new AdoError(
    404,
    `TF200016: The following project does not exist: ${name}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.`,
    "ProjectDoesNotExistWithNameException",
  );
}

export const coreRoutes: Route[] = [
  { method: "GET", pattern: "/{org}/_apis/connectionData", kind: "org", handle: connectionData },
  { method: "GET", pattern: "/{org}/_apis/permissions/{namespaceId}/{permissions}", kind: "org", handle: permissions },
  {
    method: "GET",
    pattern: "/{org}/_apis/projects",
    kind: "org",
    handle: ({ org, baseUrl }) => {
      const value = org.projects.map((p) => projectShape(baseUrl, org, p));
      return ok({ count: value.length, value });
    },
  },
  {
    method: "GET",
    pattern: "/{org}/_apis/projects/{project}",
    kind: "org",
    handle: ({ org, baseUrl, params }) => {
      const project = org.findProject(params.project);
      if (!project) throw projectNotFound(params.project);
      return ok(projectShape(baseUrl, org, project));
    },
  },
];
