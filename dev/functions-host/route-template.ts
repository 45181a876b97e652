/**
 * Matches a request path against an Azure Functions route template, the way the Functions
 * host does for the templates we use: literal segments (case-insensitive), `{name}`,
 * `{name?}` (optional, last), `{name:constraint}` (int, guid, alpha) and `{*rest}`.
 */
export type RouteParams = Record<string, string>;

interface Segment {
  literal?: string;
  param?: string;
  optional?: boolean;
  catchAll?: boolean;
  constraint?: string;
}

const CONSTRAINTS: Record<string, RegExp> = {
  int: /^-?\d+$/,
  guid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  alpha: /^[a-z]+$/i,
};

function parse(template: string): Segment[] {
  return template
    .split("/")
    .filter(Boolean)
    .map((part) => {
      const m = /^\{(\*)?([A-Za-z0-9_]+)(?::([a-z]+))?(\?)?\}$/.exec(part);
      if (!m) return { literal: part.toLowerCase() };
      return { param: m[2], catchAll: Boolean(m[1]), constraint: m[3], optional: Boolean(m[4]) };
    });
}

export function compileRoute(template: string): (path: string) => RouteParams | null {
  const segments = parse(template);
  return (path) => {
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    const params: RouteParams = {};
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      const part = parts[i];
      if (seg.catchAll) {
        params[seg.param!] = parts.slice(i).join("/");
        return params;
      }
      if (part === undefined) return seg.optional ? params : null;
      if (seg.literal !== undefined) {
        if (part.toLowerCase() !== seg.literal) return null;
        continue;
      }
      if (seg.constraint && !CONSTRAINTS[seg.constraint]?.test(part)) return null;
      params[seg.param!] = part;
    }
    return parts.length === segments.length ? params : null;
  };
}
