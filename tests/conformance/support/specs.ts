import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";

// Microsoft's Azure DevOps REST specifications (Swagger 2.0) and recorded examples, as the
// conformance tests read them. The files start with a byte-order mark, which JSON.parse refuses.

const ROOT = fileURLToPath(new URL("../fixtures/azure-devops-rest-specs/specification/", import.meta.url));

export type SpecArea = "graph" | "ims" | "memberEntitlementManagement" | "security" | "wit";
const SPEC_FILE: Record<SpecArea, string> = {
  graph: "graph/7.1/graph.json",
  ims: "ims/7.1/identities.json",
  memberEntitlementManagement: "memberEntitlementManagement/7.1/memberEntitlementManagement.json",
  security: "security/7.1/security.json",
  wit: "wit/7.1/workItemTracking.json",
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Swagger JSON walked as data
type Json = any;

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
}

const specs = new Map<SpecArea, Json>();
export function spec(area: SpecArea): Json {
  if (!specs.has(area)) specs.set(area, readJson(path.join(ROOT, SPEC_FILE[area])));
  return specs.get(area);
}

/** The 200 body of a recorded example, `area/7.1/httpExamples/<file>`. */
export function recordedBody(area: SpecArea, file: string): Json {
  const example = readJson(path.join(ROOT, path.dirname(SPEC_FILE[area]), "httpExamples", file));
  const body = example.responses?.["200"]?.body;
  if (body === undefined) throw new Error(`${file} records no 200 body`);
  return body;
}

/**
 * Swagger 2.0 → JSON Schema for ajv, keeping what the spec says and adapting only what Swagger
 * 2.0 cannot say about this API's wire format:
 * - a bare `{type: "object"}` is .NET's System.Object: any value (WorkItem fields, link attributes);
 * - Swagger 2.0 has no `nullable`, yet Microsoft's recorded bodies send null for reference-typed
 *   members (e.g. `mailAddress: null` in LookupSubjects), so a property may be null;
 * - `format`s (int32, date-time, uuid) are descriptive here and not checked;
 * - an IdentityDescriptor travels as its string form `Type;identifier` (every recorded Identity's
 *   `descriptor` is such a string), so its definition is a string.
 */
function adapt(node: Json, asProperty: boolean): Json {
  if (Array.isArray(node)) return node.map((n) => adapt(n, false));
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" || key === "definitions") {
      out[key] = Object.fromEntries(
        Object.entries(value as object).map(([k, v]) => [k, adapt(v, key === "properties")]),
      );
    } else if (key === "items" || key === "additionalProperties") {
      out[key] = typeof value === "object" ? adapt(value, true) : value;
    } else if (key === "allOf") {
      out[key] = (value as Json[]).map((v) => adapt(v, false));
    } else if (key !== "format" && !key.startsWith("x-ms-")) {
      out[key] = value;
    }
  }
  const isAny = out.type === "object" && !out.properties && !out.additionalProperties && !out.allOf;
  if (isAny) return {};
  if (!asProperty) return out;
  if (out.$ref) return { anyOf: [{ $ref: out.$ref }, { type: "null" }] };
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (out.enum) out.enum = [...out.enum, null];
  }
  return out;
}

/** Operation in the spec by path template (as written there) and method. */
export function operation(area: SpecArea, template: string, method: string): Json {
  const op = spec(area).paths?.[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`${area}: no ${method} ${template} in the specification`);
  return op;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validators = new Map<string, ValidateFunction>();

/**
 * A validator for the operation's 200 response. Azure DevOps sends a JSON array (and a
 * dictionary) wrapped as `{count, value}`, as every recorded list shows, so such schemas
 * are checked inside that wrapper.
 */
export function responseValidator(area: SpecArea, template: string, method: string): ValidateFunction {
  const key = `${area} ${method} ${template}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const schema = operation(area, template, method).responses?.["200"]?.schema;
  if (!schema) throw new Error(`${key}: the specification has no 200 response schema`);
  const body = adapt(schema, false);
  const wrapped =
    schema.type === "array" || (schema.type === "object" && schema.additionalProperties && !schema.properties);
  const root = wrapped
    ? { type: "object", required: ["count", "value"], properties: { count: { type: "integer" }, value: body } }
    : body;
  const definitions = adapt({ definitions: spec(area).definitions }, false).definitions;
  if (definitions.IdentityDescriptor) definitions.IdentityDescriptor = { type: "string", pattern: "^[^;]+;.+$" };
  const validate = ajv.compile({ ...root, definitions });
  validators.set(key, validate);
  return validate;
}

/** The api-versions an operation documents (its `api-version` parameter says which). */
export function documentedApiVersions(area: SpecArea, template: string, method: string): string[] {
  const params: Json[] = operation(area, template, method).parameters ?? [];
  return params.flatMap((p) => {
    const resolved = p.$ref ? spec(area).parameters[p.$ref.split("/").pop()] : p;
    if (resolved?.name !== "api-version") return [];
    const m = /set to '([^']+)'/.exec(resolved.description ?? "");
    return m ? [m[1]] : [];
  });
}

/**
 * Paths of keys that the recorded body has and ours lacks, recursing into objects and into the
 * first item of arrays. At `maps` (dotted paths, `[]` for an array item) the keys are data
 * (descriptors, field names), so only the first entries' own keys are compared.
 */
export function missingRecordedKeys(recorded: Json, ours: Json, maps: readonly string[] = [], at = ""): string[] {
  if (Array.isArray(recorded)) {
    if (recorded.length === 0) return [];
    if (!Array.isArray(ours) || ours.length === 0) return [`${at}[] (ours has no item to compare)`];
    return missingRecordedKeys(recorded[0], ours[0], maps, `${at}[]`);
  }
  if (!recorded || typeof recorded !== "object" || !ours || typeof ours !== "object") return [];
  if (maps.includes(at)) {
    const [first] = Object.values(recorded);
    const [mine] = Object.values(ours);
    return mine === undefined
      ? [`${at}{} (ours has no entry to compare)`]
      : missingRecordedKeys(first, mine, maps, `${at}{}`);
  }
  return Object.keys(recorded).flatMap((key) => {
    const where = at ? `${at}.${key}` : key;
    return key in ours ? missingRecordedKeys(recorded[key], ours[key], maps, where) : [where];
  });
}
