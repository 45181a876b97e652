import { paramWrongValue } from "./errors";

/**
 * Decoded request parameters. Chargebee's wire format is form encoding with
 * bracket notation: `billing_address[city]=Berlin` and, for lists of objects,
 * `subscription_items[item_price_id][0]=team-USD-monthly` (field first, index
 * last). Query strings of list calls use the same notation (`status[is]=paid`).
 */
export type FormValue = string | FormTree;
export interface FormTree {
  [key: string]: FormValue;
}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

/** Splits `a[b][0]` into `["a", "b", "0"]`; returns null for malformed keys. */
export function parseKey(key: string): string[] | null {
  const match = KEY.exec(key);
  if (!match) return null;
  const [, head = "", rest = ""] = match;
  const segments = [head];
  for (const part of rest.matchAll(/\[([^[\]]*)\]/g)) {
    const segment = part[1] ?? "";
    if (segment === "") return null;
    segments.push(segment);
  }
  return segments;
}

/** Parses an `application/x-www-form-urlencoded` string (body or query). */
export function parseForm(encoded: string): FormTree {
  const tree: FormTree = Object.create(null) as FormTree;
  for (const [key, value] of new URLSearchParams(encoded)) {
    const path = parseKey(key);
    if (!path) throw paramWrongValue(key, "is not a valid parameter name");
    insert(tree, path, value, key);
  }
  return tree;
}

function insert(tree: FormTree, path: string[], value: string, key: string): void {
  let node = tree;
  for (const segment of path.slice(0, -1)) {
    const existing = node[segment];
    if (typeof existing === "string") throw paramWrongValue(key, "conflicts with another parameter of the same name");
    if (existing === undefined) {
      const child: FormTree = Object.create(null) as FormTree;
      node[segment] = child;
      node = child;
    } else {
      node = existing;
    }
  }
  const last = path[path.length - 1] ?? "";
  if (typeof node[last] === "object") throw paramWrongValue(key, "conflicts with another parameter of the same name");
  node[last] = value;
}
