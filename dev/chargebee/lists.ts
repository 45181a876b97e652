import { paramWrongValue } from "./errors";
import type { FormReader } from "./form-reader";

export type FieldKind = "string" | "number" | "timestamp" | "boolean";

export interface ListSpec<T> {
  /** Name of the wrapper key in each list entry: `{ invoice: {...} }`. */
  key: string;
  /** Fields that may be filtered, with their kind: `subscription_id[is]=...`. */
  filters: Record<string, FieldKind>;
  /** Fields accepted by `sort_by[asc]` / `sort_by[desc]`. */
  sortable?: string[];
  /** Order used without `sort_by` (Chargebee lists newest first). */
  defaultOrder?: (a: T, b: T) => number;
  /** Extra keys for each entry (a customer's `card`, for instance). */
  extras?: (record: T) => Record<string, unknown>;
}

const MAX_LIMIT = 100;

/**
 * Chargebee's list contract: filters as `field[operator]=value`, `limit`
 * (default 10, max 100), and an opaque `next_offset` to pass back as `offset`.
 */
export function listResponse<T extends object>(
  records: readonly T[],
  query: FormReader,
  spec: ListSpec<T>,
): { list: Record<string, unknown>[]; next_offset?: string } {
  let rows = records.filter((record) => matchesAll(record, query, spec.filters));
  rows = sortRows(rows, query, spec);
  const limit = query.integer("limit", { min: 1, max: MAX_LIMIT }) ?? 10;
  const start = readOffset(query);
  const page = rows.slice(start, start + limit);
  const list = page.map((record) => ({ [spec.key]: record, ...(spec.extras?.(record) ?? {}) }));
  return start + limit < rows.length ? { list, next_offset: JSON.stringify([String(start + limit)]) } : { list };
}

function readOffset(query: FormReader): number {
  const raw = query.string("offset");
  if (raw === undefined || raw === "") return 0;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && typeof parsed[0] === "string" && /^\d+$/.test(parsed[0])) return Number(parsed[0]);
  } catch {
    // fall through to the error below
  }
  throw paramWrongValue("offset", "invalid offset, pass back the next_offset of the previous page");
}

function sortRows<T extends object>(rows: T[], query: FormReader, spec: ListSpec<T>): T[] {
  const sort = query.has("sort_by") ? query.object("sort_by") : undefined;
  const asc = sort?.string("asc");
  const desc = sort?.string("desc");
  const field = asc ?? desc;
  if (field === undefined) return spec.defaultOrder ? [...rows].sort(spec.defaultOrder) : rows;
  if (!spec.sortable?.includes(field))
    throw paramWrongValue(asc ? "sort_by[asc]" : "sort_by[desc]", `cannot sort by ${field}`);
  const direction = asc ? 1 : -1;
  return [...rows].sort((a, b) => direction * compare(valueOf(a, field), valueOf(b, field)));
}

function matchesAll<T extends object>(record: T, query: FormReader, filters: Record<string, FieldKind>): boolean {
  return Object.entries(filters).every(([field, kind]) => {
    if (!query.has(field)) return true;
    const operators = query.object(field);
    const value = valueOf(record, field);
    return [
      "is",
      "is_not",
      "in",
      "not_in",
      "starts_with",
      "is_present",
      "after",
      "before",
      "on_or_after",
      "on_or_before",
      "between",
      "lt",
      "lte",
      "gt",
      "gte",
    ]
      .filter((operator) => operators.has(operator))
      .every((operator) =>
        matches(value, operator, operators.requiredString(operator), kind, operators.param(operator)),
      );
  });
}

function matches(value: unknown, operator: string, raw: string, kind: FieldKind, param: string): boolean {
  const parse = (text: string): unknown => {
    if (kind === "string") return text;
    if (kind === "boolean") {
      if (text !== "true" && text !== "false") throw paramWrongValue(param, `invalid boolean value ${text}`);
      return text === "true";
    }
    if (!/^-?\d+$/.test(text)) throw paramWrongValue(param, `invalid number ${text}`);
    return Number(text);
  };
  const parseList = (): unknown[] => {
    try {
      const list: unknown = JSON.parse(raw);
      if (Array.isArray(list)) return list.map((entry) => parse(String(entry)));
    } catch {
      // fall through
    }
    throw paramWrongValue(param, 'expects a JSON array, e.g. ["a","b"]');
  };
  switch (operator) {
    case "is":
      return value === parse(raw);
    case "is_not":
      return value !== parse(raw);
    case "in":
      return parseList().includes(value);
    case "not_in":
      return !parseList().includes(value);
    case "starts_with":
      return typeof value === "string" && value.startsWith(raw);
    case "is_present":
      if (raw !== "true" && raw !== "false") throw paramWrongValue(param, `invalid boolean value ${raw}`);
      return (value !== undefined && value !== null) === (raw === "true");
    case "after":
    case "gt":
      return typeof value === "number" && value > Number(parse(raw));
    case "before":
    case "lt":
      return typeof value === "number" && value < Number(parse(raw));
    case "on_or_after":
    case "gte":
      return typeof value === "number" && value >= Number(parse(raw));
    case "on_or_before":
    case "lte":
      return typeof value === "number" && value <= Number(parse(raw));
    case "between": {
      const [low, high] = parseList();
      return typeof value === "number" && value >= Number(low) && value <= Number(high);
    }
    default:
      return true;
  }
}

function valueOf(record: object, field: string): unknown {
  return (record as Record<string, unknown>)[field];
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return sortText(a).localeCompare(sortText(b), "en", { numeric: true });
}

/** A field's value as text to sort by; an absent field sorts like an empty one. */
function sortText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/** Newest first by a timestamp, then by id (ids of invoices are sequence numbers). */
export const newestFirst =
  <T extends { id: string }>(timestamp: (record: T) => number | undefined) =>
  (a: T, b: T): number =>
    (timestamp(b) ?? 0) - (timestamp(a) ?? 0) || compare(b.id, a.id);
