import type { HostKind } from "../url-state";

// ms.vss-features.location-service: where REST clients (azure-devops-extension-api
// getClient) send their calls. On the cloud, areas live on different hosts
// (dev.azure.com, vssps, vsaex); here they map to the stand-in's templates
// `{base}/{org}`, `{base}/vssps/{org}`, `{base}/vsaex/{org}`. Azure DevOps Server
// serves every area from the collection URL, so server mode uses `{base}/{org}`.

/** Resource areas served by vssps in the cloud (Graph, Identities, Profile, Accounts, Token...). */
const VSSPS_AREAS = new Set([
  "bb1e7ec9-e901-4b68-999a-de7012b920f8", // Graph
  "8a3d49b8-91f0-46ef-b33d-dda338c25db3", // Identities (IMS)
  "8ccfef3d-2b87-4e99-8ccb-66e343d2daa8", // Profile
  "0d55247a-1c47-4462-9b1f-5e2125590ee6", // Accounts
]);

/** Resource areas served by vsaex in the cloud (MemberEntitlementManagement, UserEntitlements). */
const VSAEX_AREAS = new Set(["68ddce18-2501-45f1-a17b-7931a9922690"]);

/** Service instance type of SPS (vssps). */
const VSSPS_SERVICE_TYPE = "951917ac-a960-4999-8464-e3f0aa25b381";

export interface LocationDeps {
  devopsUrl: string;
  orgName(): string;
  hostKind(): HostKind;
}

export function createLocationService(deps: LocationDeps): object {
  const base = deps.devopsUrl.replace(/\/+$/, "");
  const url = (prefix: string) => `${base}${prefix}/${encodeURIComponent(deps.orgName())}/`;
  return {
    getResourceAreaLocation: (resourceAreaId: string) => {
      const id = String(resourceAreaId).toLowerCase();
      if (deps.hostKind() === "server") return url("");
      if (VSSPS_AREAS.has(id)) return url("/vssps");
      if (VSAEX_AREAS.has(id)) return url("/vsaex");
      return url("");
    },
    getServiceLocation: (serviceInstanceType?: string) => {
      const type = String(serviceInstanceType ?? "").toLowerCase();
      if (deps.hostKind() === "cloud" && type === VSSPS_SERVICE_TYPE) return url("/vssps");
      return url("");
    },
    routeUrl: (routeId: string, routeValues?: Record<string, string>) => {
      const query = new URLSearchParams({ routeId, ...(routeValues ?? {}) });
      return `${url("")}_route?${query.toString()}`;
    },
  };
}
