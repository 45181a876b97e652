// Deep links: /?user=<id or email>&host=cloud|server&org=<name>&theme=light|dark#/<route>[#<content hash>]
// The host route lives in the hash like "#/workitem/12"; a hash set by the
// hosted page (host navigation service setHash) follows after a second "#".

export type HostKind = "cloud" | "server";
export type ThemeName = "light" | "dark";

export type Route =
  | { kind: "hub"; slug?: string }
  | { kind: "workitems" }
  | { kind: "workitem"; id: number }
  | { kind: "settings"; slug: string }
  /** Organization Settings › Local stand-in › Groups (stand-in): the dev host's own page, no extension. */
  | { kind: "standin-groups" };

export interface UrlState {
  org?: string;
  user?: string;
  host: HostKind;
  theme: ThemeName;
  route: Route;
  contentHash: string;
}

export function parseRoute(path: string): Route {
  const parts = path.replace(/^\/+/, "").split("/").filter(Boolean);
  const [head, arg] = parts;
  if (head === "workitem" && arg && /^\d+$/.test(arg)) return { kind: "workitem", id: Number(arg) };
  if (head === "workitems") return { kind: "workitems" };
  if (head === "settings" && arg) return { kind: "settings", slug: arg };
  if (head === "hub" && arg) return { kind: "hub", slug: arg };
  if (head === "standin" && arg === "groups") return { kind: "standin-groups" };
  return { kind: "hub" };
}

export function formatRoute(route: Route): string {
  switch (route.kind) {
    case "hub":
      return route.slug ? `/hub/${route.slug}` : "/hub";
    case "workitems":
      return "/workitems";
    case "workitem":
      return `/workitem/${route.id}`;
    case "settings":
      return `/settings/${route.slug}`;
    case "standin-groups":
      return "/standin/groups";
  }
}

/** Query parameters that belong to the dev host itself; hosted pages do not see them. */
export const HOST_QUERY_KEYS = new Set(["org", "user", "host", "theme"]);

/**
 * The address's query after navigating to a page address with `pageQuery`: the dev host's
 * own parameters stay, the hosted pages' are exactly the new address's (as in Azure DevOps,
 * where a new address brings its own query string).
 */
export function withPageQuery(currentSearch: string, pageQuery: URLSearchParams): string {
  const query = new URLSearchParams();
  new URLSearchParams(currentSearch).forEach((value, key) => HOST_QUERY_KEYS.has(key) && query.append(key, value));
  pageQuery.forEach((value, key) => !HOST_QUERY_KEYS.has(key) && query.append(key, value));
  const text = query.toString();
  return text ? `?${text}` : "";
}

export function parseUrl(location: Pick<Location, "search" | "hash">): UrlState {
  const query = new URLSearchParams(location.search);
  const hash = location.hash.replace(/^#/, "");
  const split = hash.indexOf("#");
  const routePart = split >= 0 ? hash.slice(0, split) : hash;
  return {
    org: query.get("org") ?? undefined,
    user: query.get("user") ?? undefined,
    host: query.get("host") === "server" ? "server" : "cloud",
    theme: query.get("theme") === "dark" ? "dark" : "light",
    route: parseRoute(routePart),
    contentHash: split >= 0 ? hash.slice(split + 1) : "",
  };
}

/** Builds "?…#/route[#content]" keeping query parameters set by hosted pages. */
export function formatUrl(state: UrlState, currentSearch: string): string {
  const query = new URLSearchParams(currentSearch);
  setOrDelete(query, "org", state.org);
  setOrDelete(query, "user", state.user);
  query.set("host", state.host);
  setOrDelete(query, "theme", state.theme === "dark" ? "dark" : undefined);
  const content = state.contentHash ? `#${state.contentHash}` : "";
  return `?${query.toString()}#${formatRoute(state.route)}${content}`;
}

function setOrDelete(query: URLSearchParams, key: string, value: string | undefined): void {
  if (value) query.set(key, value);
  else query.delete(key);
}
