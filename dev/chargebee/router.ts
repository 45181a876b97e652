/** A tiny method + path router: `/subscriptions/:id/update_for_items`. */
export type Method = "GET" | "POST";

export type RouteMatch<H> =
  { kind: "found"; handler: H; params: Record<string, string> } | { kind: "wrong_method" } | { kind: "none" };

interface Route<H> {
  method: Method;
  pattern: RegExp;
  names: string[];
  handler: H;
}

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: Method, path: string, handler: H): this {
    const names: string[] = [];
    const source = path
      .split("/")
      .map((part) => {
        if (!part.startsWith(":")) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(part.slice(1));
        return "([^/]+)";
      })
      .join("/");
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  match(method: string, path: string): RouteMatch<H> {
    let pathMatched = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? "");
      });
      return { kind: "found", handler: route.handler, params };
    }
    return pathMatched ? { kind: "wrong_method" } : { kind: "none" };
  }
}
