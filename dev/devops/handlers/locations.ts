import { ok, type OrgRequestContext, type Reply } from "../http";
import type { Route } from "../router";

// Location discovery, so azure-devops-node-api's typed clients (WebApi.getWorkItemTrackingApi,
// getCoreApi) work unchanged: they ask the Location area for resource areas, then send
// OPTIONS {org}/_apis/{area} for route templates before their first call.

interface ResourceLocation {
  id: string;
  area: string;
  resourceName: string;
  routeTemplate: string;
  resourceVersion: number;
}

const LOCATIONS: ResourceLocation[] = [
  {
    id: "e81700f7-3be2-46de-8624-2eb35882fcaa",
    area: "Location",
    resourceName: "ResourceAreas",
    routeTemplate: "_apis/{resource}/{areaId}",
    resourceVersion: 1,
  },
  {
    id: "72c7ddf8-2cdc-4f60-90cd-ab71c14a399b",
    area: "wit",
    resourceName: "workItems",
    routeTemplate: "{project}/_apis/{area}/{resource}/{id}",
    resourceVersion: 3,
  },
  {
    id: "908509b6-4248-4475-a1cd-829139ba419f",
    area: "wit",
    resourceName: "workItemsBatch",
    routeTemplate: "{project}/_apis/{area}/{resource}",
    resourceVersion: 1,
  },
  {
    id: "603fe2ac-9723-48b9-88ad-09305aa6c6e1",
    area: "core",
    resourceName: "projects",
    routeTemplate: "_apis/{resource}/{*projectId}",
    resourceVersion: 4,
  },
];

/** Resource areas served on the org's core host (id → area name). */
const CORE_HOST_AREAS: Record<string, string> = {
  "79134c72-4a58-4b42-976c-04e7115f32bf": "core",
  "5264459e-e5e0-4bd8-b118-0985e68a4ec5": "wit",
};

function areaLocations({ params }: OrgRequestContext): Reply {
  const value = LOCATIONS.filter((l) => l.area.toLowerCase() === params.area.toLowerCase()).map((l) => ({
    ...l,
    minVersion: "1.0",
    maxVersion: "7.2",
    releasedVersion: "7.1",
  }));
  return ok({ count: value.length, value });
}

function resourceAreas({ baseUrl, org }: OrgRequestContext): Reply {
  const value = Object.entries(CORE_HOST_AREAS).map(([id, name]) => ({
    id,
    name,
    locationUrl: `${baseUrl}/${org.name}/`,
  }));
  return ok({ count: value.length, value });
}

export const locationRoutes: Route[] = [
  { method: "OPTIONS", pattern: "/{org}/_apis/{area}", kind: "org-public", handle: areaLocations },
  { method: "GET", pattern: "/{org}/_apis/ResourceAreas", kind: "org-public", handle: resourceAreas },
];
