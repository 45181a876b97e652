import { SPEC_FILES, readSpecJson } from "./spec-files";
import type { CapturedRequest } from "./recording-server";

/** One operation as Microsoft's 7.1 specification documents it. */
export interface DocumentedOperation {
  specFile: string;
  operationId: string;
  method: string;
  host: string;
  pathTemplate: string;
  apiVersions: string[];
  queryParameters: Set<string>;
  /** OAuth scopes the operation declares in `security` (none for the permission checks). */
  scopes: string[];
  pathPattern: RegExp;
}

interface SpecParameter {
  $ref?: string;
  name?: string;
  in?: string;
  description?: string;
  required?: boolean;
  "x-ms-required"?: boolean;
}
interface SpecOperation {
  operationId: string;
  parameters?: SpecParameter[];
  security?: Array<Record<string, string[]>>;
}
interface SpecFile {
  host: string;
  basePath: string;
  parameters?: Record<string, SpecParameter>;
  paths: Record<string, Record<string, SpecOperation>>;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch"];

/** "Version of the API to use.  This should be set to '7.1-preview.1' to use this version of the api." */
function versionOf(parameter: SpecParameter): string | undefined {
  return /set to '([^']+)'/.exec(parameter.description ?? "")?.[1];
}

function resolve(spec: SpecFile, parameter: SpecParameter): SpecParameter {
  const name = parameter.$ref?.replace("#/parameters/", "");
  return name ? (spec.parameters?.[name] ?? parameter) : parameter;
}

/**
 * `/{organization}/{project}/_apis/wit/workitems/{id}`: a segment in braces is a parameter,
 * left out when the spec marks it `x-ms-required: false` (project); literal segments match
 * case-insensitively, as Azure DevOps routes do (the spec itself spells both "Memberships"
 * and "memberships").
 */
function patternOf(template: string, optional: Set<string>): RegExp {
  const source = template
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const parameter = /^\{([^}]+)\}$/.exec(segment)?.[1];
      if (parameter) return optional.has(parameter) ? "(?:/[^/]+)?" : "/[^/]+";
      return "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${source}$`, "i");
}

/** Every operation of the spec files the backend's calls live in (servers = host + basePath + paths). */
export function loadCatalogue(): DocumentedOperation[] {
  const operations: DocumentedOperation[] = [];
  for (const specFile of SPEC_FILES) {
    const spec = readSpecJson<SpecFile>(specFile);
    // `x-ms-paths` repeat paths that differ only in a required query; `paths` has each operation.
    for (const [pathTemplate, pathItem] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(pathItem)) {
        if (!METHODS.includes(method)) continue;
        const parameters = (operation.parameters ?? []).map((p) => resolve(spec, p));
        const apiVersions = parameters
          .filter((p) => p.name === "api-version")
          .map(versionOf)
          .filter((v): v is string => !!v);
        const optional = new Set(
          parameters.filter((p) => p.in === "path" && p["x-ms-required"] === false).map((p) => p.name!),
        );
        operations.push({
          specFile,
          operationId: operation.operationId,
          method: method.toUpperCase(),
          host: spec.host,
          pathTemplate: spec.basePath.replace(/\/$/, "") + pathTemplate || "/",
          apiVersions,
          queryParameters: new Set(
            parameters.filter((p) => p.in === "query" && p.name !== "api-version").map((p) => p.name!),
          ),
          scopes: (operation.security ?? []).flatMap((s) => s.oauth2 ?? []),
          pathPattern: patternOf(pathTemplate, optional),
        });
      }
    }
  }
  return operations;
}

/**
 * Calls the backend makes that Microsoft's specifications do not describe, each with why it
 * is there. Anything else that matches no documented operation fails the suite.
 */
export const UNDOCUMENTED_CALLS: Array<{
  name: string;
  method: string;
  path: RegExp;
  reason: string;
  scopes: string[];
}> = [
  {
    name: "connectionData",
    method: "GET",
    path: /^\/[^/]+\/_apis\/connectionData$/i,
    reason:
      "Who the caller is and which org the token is for (instanceId). It belongs to the Location area, which is not in Microsoft's published REST specifications; azure-devops-node-api sends it from WebApi.connect() without an api-version. No spec declares its scope: the manifest keeps vso.profile for it (the scope for reading the user's own profile and top-level organization data) — unconfirmed by the specs.",
    scopes: ["vso.profile"],
  },
  {
    name: "location discovery",
    method: "OPTIONS",
    path: /^\/[^/]+\/_apis\/[A-Za-z]+$/,
    reason:
      "azure-devops-node-api's typed clients ask OPTIONS {org}/_apis/{area} for the area's route templates and versions before their first call (VsoClient.beginGetAreaLocations). Not a REST operation of the specifications; it needs no scope of its own.",
    scopes: [],
  },
];

const HOST_OF_PREFIX: Record<string, string> = { vssps: "vssps.dev.azure.com", vsaex: "vsaex.dev.azure.com" };

/** Our recording server stands for the three hosts under path prefixes: `/vssps/{org}`, `/vsaex/{org}`, `/{org}`. */
export function hostAndPath(pathname: string): { host: string; path: string } {
  const first = pathname.split("/")[1] ?? "";
  const host = HOST_OF_PREFIX[first];
  return host ? { host, path: pathname.slice(first.length + 1) } : { host: "dev.azure.com", path: pathname };
}

/** The api-version a request asks for: the query parameter, or the Accept header (the typed clients' way). */
export function apiVersionOf(request: CapturedRequest): string | undefined {
  const url = new URL(request.url, "http://x");
  return url.searchParams.get("api-version") ?? /api-version=([^;,\s]+)/.exec(request.accept)?.[1];
}

export type Verdict =
  | { kind: "documented"; operation: DocumentedOperation }
  | { kind: "undocumented"; name: string; scopes: string[] }
  | { kind: "mismatch"; problem: string };

/** Which documented operation a request is, or what about it no operation documents. */
export function judge(catalogue: DocumentedOperation[], request: CapturedRequest): Verdict {
  const url = new URL(request.url, "http://x");
  const { host, path } = hostAndPath(decodeURIComponent(url.pathname));
  const known = UNDOCUMENTED_CALLS.find(
    (c) => c.method === request.method && c.path.test(path) && host === "dev.azure.com",
  );
  if (known) return { kind: "undocumented", name: known.name, scopes: known.scopes };
  const candidates = catalogue.filter(
    (o) => o.host === host && o.method === request.method && o.pathPattern.test(path),
  );
  const label = `${request.method} ${host}${path}`;
  if (candidates.length === 0)
    return { kind: "mismatch", problem: `${label}: no documented operation has this method and path` };
  const version = apiVersionOf(request);
  const query = [...url.searchParams.keys()].filter((k) => k !== "api-version");
  for (const operation of candidates) {
    if (!version || !operation.apiVersions.includes(version)) continue;
    const unknown = query.filter((k) => !operation.queryParameters.has(k));
    if (unknown.length === 0) return { kind: "documented", operation };
  }
  const operation = candidates[0];
  if (!version || !operation.apiVersions.includes(version)) {
    return {
      kind: "mismatch",
      problem: `${label}: api-version ${version ?? "(none)"} is not one ${operation.operationId} lists (${operation.apiVersions.join(", ")})`,
    };
  }
  const unknown = query.filter((k) => !operation.queryParameters.has(k));
  return {
    kind: "mismatch",
    problem: `${label}: ${operation.operationId} documents no query parameter ${unknown.join(", ")}`,
  };
}
