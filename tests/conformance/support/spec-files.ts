import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Microsoft's Azure DevOps REST specifications 7.1 and recorded examples, as copied into the repo,
 * for the adapter conformance tests (branch ado-standin's support/specs.ts reads the same files with
 * the same recordedBody(area, file) for the stand-in's tests; one of the two can go after the merge).
 */
export const SPEC_ROOT = fileURLToPath(new URL("../fixtures/azure-devops-rest-specs/specification", import.meta.url));

/** The spec files (one per area) the backend's calls live in. */
export const SPEC_FILES = [
  "graph/7.1/graph.json",
  "ims/7.1/identities.json",
  "memberEntitlementManagement/7.1/memberEntitlementManagement.json",
  "security/7.1/security.json",
  "wit/7.1/workItemTracking.json",
] as const;

/** Microsoft's files start with a UTF-8 byte order mark. */
export function readSpecJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(path.join(SPEC_ROOT, relativePath), "utf8").replace(/^\uFEFF/, "")) as T;
}

interface RecordedExample {
  responses: Record<string, { body?: unknown }>;
}

/** The 200 body Microsoft recorded in `<area>/7.1/httpExamples/<file>`. */
export function recordedBody<T = unknown>(area: string, file: string): T {
  const example = readSpecJson<RecordedExample>(`${area}/7.1/httpExamples/${file}`);
  const ok = example.responses["200"];
  if (!ok) throw new Error(`${area}/${file} has no recorded 200 answer`);
  return ok.body as T;
}
