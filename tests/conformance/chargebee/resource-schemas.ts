import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { createGenerator, type Schema } from "ts-json-schema-generator";

/**
 * JSON Schemas made from the `chargebee` package's own type declarations (which Chargebee
 * generates from its OpenAPI specification), so a stand-in answer is held to the contract
 * the real client is typed with: every field the type requires is present, and no field
 * appears that the type does not declare. Two documented allowances:
 * - `object` (a string) on any object: Chargebee's sample responses carry it on every resource
 *   ("object": "subscription"), but neither the specification nor the types declare it;
 * - `cf_*` on a top-level resource: custom fields, the reason those types have an index
 *   signature (`[key: string]: unknown`), which is otherwise narrowed to nothing.
 * And two where the types require what Chargebee documents as sometimes absent:
 * - content maps (`HostedPage.content`, webhook `*Content`) list every resource an answer may
 *   carry as required; Chargebee's events reference marks e.g. the card "(optional)", so each
 *   present resource is checked and none is required;
 * - `HostedPage.content` itself: the specification describes it as "returned only during
 *   retrieve hosted page API call" of a succeeded or cancelled page.
 */
const PACKAGE_TYPES = fileURLToPath(new URL("../../../node_modules/chargebee/types/index.d.ts", import.meta.url));
const LOCAL_TYPES = fileURLToPath(new URL("./event-envelope.ts", import.meta.url));
const LOCAL_NAMES = new Set(["EventEnvelope"]);
const TSCONFIG = fileURLToPath(new URL("../../../tsconfig.json", import.meta.url));

type JsonObject = { [key: string]: unknown };
const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Per definition, the properties its type requires that Chargebee documents as absent at times. */
const SOMETIMES_ABSENT: Readonly<Record<string, readonly string[]>> = { HostedPage: ["content"] };

function tighten(node: unknown, name?: string): void {
  if (Array.isArray(node)) return node.forEach((child) => tighten(child));
  if (!isObject(node)) return;
  for (const [key, child] of Object.entries(node)) {
    if (key === "definitions" && isObject(child)) {
      for (const [definition, schema] of Object.entries(child)) tighten(schema, definition);
    } else tighten(child);
  }
  if (node.type !== "object" || !isObject(node.properties)) return;
  const indexSignature = node.additionalProperties !== false;
  node.additionalProperties = false;
  if (indexSignature) node.patternProperties = { "^cf_": {} };
  node.properties.object ??= { type: "string" };
  if (name && /Content$/.test(name)) delete node.required;
  const absent = name ? SOMETIMES_ABSENT[name] : undefined;
  if (absent && Array.isArray(node.required))
    node.required = node.required.filter((property) => !absent.includes(String(property)));
}

export interface SchemaCheck {
  /** The answer's violations, readable (empty when it conforms). */
  problems(typeName: string, body: unknown): string[];
}

/** One generator over the package's declarations; schemas are made per type name on demand. */
export function chargebeeSchemas(): SchemaCheck {
  const options = { skipTypeCheck: true, type: "*", expose: "all", topRef: false, jsDoc: "none" } as const;
  const packageTypes = createGenerator({ ...options, path: PACKAGE_TYPES });
  let localTypes: ReturnType<typeof createGenerator> | undefined;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = new Map<string, ValidateFunction>();
  const validator = (typeName: string): ValidateFunction => {
    let validate = validators.get(typeName);
    if (!validate) {
      const generator = LOCAL_NAMES.has(typeName)
        ? (localTypes ??= createGenerator({ ...options, path: LOCAL_TYPES, tsconfig: TSCONFIG }))
        : packageTypes;
      const schema: Schema = generator.createSchema(typeName);
      tighten(schema, typeName);
      delete schema.$schema;
      validate = ajv.compile(schema);
      validators.set(typeName, validate);
    }
    return validate;
  };
  return {
    problems(typeName, body) {
      const validate = validator(typeName);
      return validate(body) ? [] : (validate.errors ?? []).map((error) => describe(typeName, error));
    },
  };
}

function describe(typeName: string, error: ErrorObject): string {
  const extra =
    error.keyword === "additionalProperties"
      ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
      : "";
  return `${typeName}${error.instancePath || "/"} ${error.message ?? error.keyword}${extra}`;
}
