import { paramRequired, paramWrongValue } from "./errors";
import type { FormTree, FormValue } from "./form-parser";

type Label = (name: string) => string;

/**
 * Typed, validating access to decoded parameters. Every error names the
 * parameter exactly as the client sent it (`subscription_items[quantity][0]`),
 * like Chargebee does, so callers can show it next to the right field.
 */
export class FormReader {
  private readonly tree: FormTree;
  private readonly label: Label;

  constructor(tree: FormTree, label: Label = (name) => name) {
    this.tree = tree;
    this.label = label;
  }

  has(name: string): boolean {
    return this.tree[name] !== undefined;
  }

  param(name: string): string {
    return this.label(name);
  }

  string(name: string): string | undefined {
    const value = this.tree[name];
    if (value === undefined) return undefined;
    if (typeof value !== "string") throw paramWrongValue(this.label(name), "must be a single value");
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value.trim() === "") throw paramRequired(this.label(name));
    return value;
  }

  integer(name: string, bounds: { min?: number; max?: number } = {}): number | undefined {
    const raw = this.string(name);
    if (raw === undefined || raw === "") return undefined;
    if (!/^-?\d+$/.test(raw)) throw paramWrongValue(this.label(name), `invalid integer value ${raw}`);
    const value = Number(raw);
    if (bounds.min !== undefined && value < bounds.min) {
      throw paramWrongValue(this.label(name), `cannot be less than ${bounds.min}`);
    }
    if (bounds.max !== undefined && value > bounds.max) {
      throw paramWrongValue(this.label(name), `cannot be more than ${bounds.max}`);
    }
    return value;
  }

  boolean(name: string): boolean | undefined {
    const raw = this.string(name);
    if (raw === undefined || raw === "") return undefined;
    if (raw === "true") return true;
    if (raw === "false") return false;
    throw paramWrongValue(this.label(name), `invalid boolean value ${raw}`);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const raw = this.string(name);
    if (raw === undefined || raw === "") return undefined;
    const match = allowed.find((candidate) => candidate === raw);
    if (match === undefined)
      throw paramWrongValue(this.label(name), `invalid value ${raw}, expected one of ${allowed.join(", ")}`);
    return match;
  }

  /** A JSON-valued parameter (`meta_data`): the client sends it as a JSON string. */
  json(name: string): unknown {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw paramWrongValue(this.label(name), "is not valid JSON");
    }
  }

  /** A nested object parameter: `billing_address[city]`. */
  object(name: string): FormReader {
    const value = this.subtree(name);
    return new FormReader(value, (child) => `${this.label(name)}[${child}]`);
  }

  /** A list of objects in Chargebee's notation: `name[field][index]`. */
  list(name: string): FormReader[] {
    const fields = this.subtree(name);
    const indexes = new Set<number>();
    for (const [field, byIndex] of Object.entries(fields)) {
      if (typeof byIndex === "string")
        throw paramWrongValue(`${this.label(name)}[${field}]`, "must be indexed, e.g. [0]");
      for (const index of Object.keys(byIndex)) {
        if (!/^\d+$/.test(index))
          throw paramWrongValue(`${this.label(name)}[${field}][${index}]`, "index must be a number");
        indexes.add(Number(index));
      }
    }
    return [...indexes]
      .sort((a, b) => a - b)
      .map((index) => {
        const row: FormTree = Object.create(null) as FormTree;
        for (const [field, byIndex] of Object.entries(fields)) {
          const value: FormValue | undefined = typeof byIndex === "string" ? undefined : byIndex[String(index)];
          if (value !== undefined) row[field] = value;
        }
        return new FormReader(row, (field) => `${this.label(name)}[${field}][${index}]`);
      });
  }

  private subtree(name: string): FormTree {
    const value = this.tree[name];
    if (value === undefined) return Object.create(null) as FormTree;
    if (typeof value === "string") throw paramWrongValue(this.label(name), "must have sub-parameters");
    return value;
  }
}
