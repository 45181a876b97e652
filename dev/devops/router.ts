import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateCaller } from "./auth";
import { AdoError, StateError, statusOfStateError } from "./errors";
import {
  adoErrorBody,
  corsHeaders,
  Query,
  readJsonBody,
  send,
  type CallerContext,
  type OrgRequestContext,
  type Reply,
  type RequestContext,
  type StandinConfig,
} from "./http";
import type { DevopsState } from "./state";

type Handler<C> = (ctx: C) => Reply | Promise<Reply>;

/**
 * `dev`: the stand-in's own unauthenticated endpoints. `org`: Azure DevOps REST, the org
 * is resolved from `{org}` and the caller authenticated. `org-public`: org resolved, no
 * caller (location discovery, which clients call before sending credentials).
 */
export type Route =
  | { method: string; pattern: string; kind: "dev"; handle: Handler<RequestContext> }
  | { method: string; pattern: string; kind: "org-public"; handle: Handler<OrgRequestContext> }
  | { method: string; pattern: string; kind: "org"; handle: Handler<CallerContext> };

/** Literal segments match case-insensitively (as `_apis/Graph/Memberships` does on ADO). */
function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    let value: string;
    try {
      value = decodeURIComponent(got[i]);
    } catch {
      return undefined;
    }
    if (segment.startsWith("{")) params[segment.slice(1, -1)] = value;
    else if (segment.toLowerCase() !== value.toLowerCase()) return undefined;
  }
  return params;
}

export function createRouter(routes: Route[], state: DevopsState, config: StandinConfig, log: boolean) {
  async function dispatch(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? "/", "http://standin.invalid");
    const method = req.method ?? "GET";
    if (method === "OPTIONS" && req.headers["access-control-request-method"]) return preflight(req);
    const candidates = routes.flatMap((route) => {
      const params = match(route.pattern, url.pathname);
      return params ? [{ route, params }] : [];
    });
    const found = candidates.find((c) => c.route.method === method);
    if (!found) {
      // Location discovery answers OPTIONS on every `_apis/{area}`; that alone is no reason for a 405.
      if (candidates.some((c) => c.route.method !== "OPTIONS")) {
        throw new AdoError(
          405,
          `The requested resource does not support http method '${method}'.`,
          "HttpMethodNotAllowedException",
        );
      }
      throw new AdoError(
        404,
        `The controller for path '${url.pathname}' was not found or does not implement IController.`,
        "HttpException",
      );
    }
    const ctx: RequestContext = {
      req,
      params: found.params,
      query: new Query(url.searchParams),
      baseUrl: `http://${req.headers.host ?? "127.0.0.1"}`,
      state,
      config,
      readJson: () => readJsonBody(req),
    };
    const { route } = found;
    if (route.kind === "dev") return route.handle(ctx);
    if (method !== "OPTIONS") state.restRequests++;
    const outage = method === "OPTIONS" ? null : state.outageStatus(url.pathname);
    if (outage !== null)
      throw new AdoError(
        outage,
        "The service is temporarily unavailable (stand-in outage).",
        "ServiceUnavailableException",
      );
    const org = state.findOrg(found.params.org ?? "");
    if (!org)
      throw new AdoError(404, `The organization '${found.params.org}' does not exist.`, "HostDoesNotExistException");
    if (route.kind === "org-public") return route.handle({ ...ctx, org });
    const caller = await authenticateCaller(req.headers.authorization, org, state, ctx.baseUrl);
    return route.handle({ ...ctx, org, caller });
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let reply: Reply;
    try {
      reply = await dispatch(req);
    } catch (error) {
      // The dev endpoints speak the project's error shape, the REST routes Azure DevOps'.
      const devShape = (req.url ?? "").startsWith("/_dev/");
      reply = errorReply(devShape && error instanceof AdoError ? asStateError(error) : error, req);
    }
    if (log) console.log(`[devops] ${req.method} ${req.url} -> ${reply.status}`);
    send(res, req, reply);
  };
}

function preflight(req: IncomingMessage): Reply {
  return {
    status: 204,
    body: undefined,
    headers: {
      ...corsHeaders(req),
      "Access-Control-Allow-Methods": "GET, POST, PATCH, PUT, DELETE, OPTIONS",
      "Access-Control-Allow-Headers": String(
        req.headers["access-control-request-headers"] ?? "Authorization, Content-Type",
      ),
      "Access-Control-Max-Age": "600",
    },
  };
}

function asStateError(error: AdoError): StateError {
  return new StateError(error.status === 404 ? "NotFound" : "Validation", error.message);
}

function errorReply(error: unknown, req: IncomingMessage): Reply {
  if (error instanceof AdoError) {
    const headers: Record<string, string> =
      error.status === 401
        ? { "WWW-Authenticate": `Bearer, Basic realm="http://${req.headers.host ?? "127.0.0.1"}/"` }
        : {};
    return { status: error.status, body: adoErrorBody(error), headers };
  }
  if (error instanceof StateError) {
    return { status: statusOfStateError(error), body: { error: { code: error.code, message: error.message } } };
  }
  console.error("[devops] unexpected error", error);
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 500,
    body: adoErrorBody(new AdoError(500, `Unexpected stand-in error: ${message}`, "InternalServerError")),
  };
}
