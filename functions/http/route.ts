import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { app } from "./azure-functions";
import { authenticateUser } from "../auth/authenticate-user";
import type { Caller } from "../auth/caller";
import { services, type Services } from "../app/services";
import { toErrorResponse } from "./error-response";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Who may call a route, and so what the handler receives. */
export type RouteAuth = "public" | "user" | "custom";

interface BaseArgs {
  request: HttpRequest;
  context: InvocationContext;
  services: Services;
}
export type PublicArgs = BaseArgs;
export type UserArgs = BaseArgs & { caller: Caller };

export interface RouteSummary {
  name: string;
  methods: HttpMethod[];
  route: string;
  auth: RouteAuth;
}

/** Every route of the app, so sweeps (auth, tenancy, roles) cannot forget one. */
export const ROUTES: RouteSummary[] = [];

type Definition =
  | { auth: "public" | "custom"; handler: (args: PublicArgs) => Promise<HttpResponseInit> }
  | { auth: "user"; handler: (args: UserArgs) => Promise<HttpResponseInit> };

/**
 * Registers an HTTP function. Authentication and error mapping happen here, once, so a
 * handler is only: parse, authorise, call, respond. "custom" routes authenticate themselves
 * (REST API tokens, Chargebee webhooks).
 */
export function defineRoute(name: string, options: { methods: HttpMethod[]; route: string } & Definition): void {
  if (ROUTES.some((r) => r.name === name)) throw new Error(`Route name "${name}" is used twice.`);
  ROUTES.push({ name, methods: options.methods, route: options.route, auth: options.auth });
  app.http(name, {
    methods: options.methods,
    route: options.route,
    authLevel: "anonymous",
    handler: async (request, context) => {
      try {
        const s = services();
        if (options.auth === "user") {
          const caller = await authenticateUser(request, s.auth);
          return await options.handler({ request, context, services: s, caller });
        }
        return await options.handler({ request, context, services: s });
      } catch (error) {
        return toErrorResponse(error, (message) => context.error(message));
      }
    },
  });
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): HttpResponseInit {
  return { status, jsonBody: body, ...(headers ? { headers } : {}) };
}
