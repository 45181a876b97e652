/**
 * A value that came over postMessage or from work item JSON, as text: strings as they are,
 * numbers and booleans written out, null and undefined empty, anything else as JSON.
 */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? "";
}
