import "../../../functions/index";
import { ROUTES, type HttpMethod, type RouteAuth } from "../../../functions/http/route";

/** One method of one registered route: the unit every sweep iterates over. */
export interface Endpoint {
  name: string;
  method: HttpMethod;
  route: string;
  auth: RouteAuth;
  /** Names of the route's {parameters}, in order. */
  params: string[];
}

/**
 * Every endpoint of the app, read from the registrations (functions/index registers them on
 * import), so a route added by any feature is swept without editing the sweeps.
 */
export function allEndpoints(): Endpoint[] {
  return ROUTES.flatMap((r) =>
    r.methods.map((method) => ({ name: r.name, method, route: r.route, auth: r.auth, params: paramNames(r.route) })),
  );
}

export const label = (e: Endpoint) => `${e.method} /api/${e.route} (${e.name})`;

export const hasJsonBody = (e: Endpoint) => e.method === "POST" || e.method === "PUT" || e.method === "PATCH";

export function paramNames(route: string): string[] {
  return [...route.matchAll(/\{([^}:?]+)[^}]*\}/g)].map((m) => m[1]);
}

/** The route with its parameters filled in (URL-encoded). */
export function pathOf(e: Endpoint, values: Record<string, string>): string {
  return e.route.replace(/\{([^}:?]+)[^}]*\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${e.route}.`);
    return encodeURIComponent(value);
  });
}

/** A harmless value for every parameter: enough to reach the handler. */
export function placeholderParams(e: Endpoint): Record<string, string> {
  return Object.fromEntries(e.params.map((p) => [p, PLACEHOLDERS[p] ?? "00000000-0000-4000-8000-000000000000"]));
}

const PLACEHOLDERS: Record<string, string> = { kind: "invoice" };
