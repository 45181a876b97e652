import type { HttpResponseInit, InvocationContext as InvocationContextType } from "@azure/functions";
import { HttpRequest, InvocationContext } from "../../functions/http/azure-functions";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { readRegistry, type HttpFunction, type TimerFunction } from "./registry";

export interface FunctionsHost {
  url: string;
  port: number;
  routes: HttpFunction[];
  timers: TimerFunction[];
  /** Runs a timer function now, as `POST /admin/functions/{name}` does on the real host. */
  runTimer(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface FunctionsHostOptions {
  port?: number;
  host?: string;
  /** Origins allowed by CORS (the platform does this in Azure). */
  corsOrigins?: string[];
  log?: boolean;
}

const ROUTE_PREFIX = "/api";
const MAX_BODY = 4 * 1024 * 1024;

/**
 * Serves the app's real registrations over node:http, standing in for the Azure Functions
 * host: same routes (`/api/...`), same HttpRequest/InvocationContext objects from
 * @azure/functions, the handlers' HttpResponseInit written back as the host would.
 * Import the app (functions/index.ts) before starting it.
 */
export async function startFunctionsHost(options: FunctionsHostOptions = {}): Promise<FunctionsHost> {
  const { http: routes, timers } = readRegistry();
  const cors = new Set(options.corsOrigins ?? []);

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("functions host:", error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: { code: "internal", message: "The local Functions host failed." } }));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (origin && (cors.has(origin) || cors.has("*"))) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
      res.setHeader("Access-Control-Expose-Headers", "ETag, Retry-After, Content-Disposition");
    }
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    const method = (req.method ?? "GET").toUpperCase();
    if (method === "OPTIONS") {
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
      res.setHeader("Access-Control-Allow-Headers", req.headers["access-control-request-headers"] ?? "*");
      res.setHeader("Access-Control-Max-Age", "600");
      res.writeHead(204).end();
      return;
    }
    if (method === "POST" && url.pathname.startsWith("/admin/functions/")) {
      const name = decodeURIComponent(url.pathname.slice("/admin/functions/".length));
      await runTimer(name);
      res.writeHead(202).end();
      return;
    }
    if (!url.pathname.toLowerCase().startsWith(ROUTE_PREFIX + "/")) return notFound(res);
    const path = url.pathname.slice(ROUTE_PREFIX.length);
    let params: Record<string, string> | null = null;
    const fn = routes.find((r) => (params = r.match(path)) !== null && r.methods.includes(method));
    if (!fn || !params) {
      const other = routes.some((r) => r.match(path) !== null);
      return other
        ? write(res, {
            status: 405,
            jsonBody: { error: { code: "method_not_allowed", message: `${method} is not supported here.` } },
          })
        : notFound(res);
    }
    const body = await readBody(req);
    if (body === null)
      return write(res, {
        status: 413,
        jsonBody: { error: { code: "too_large", message: "The request body is too large." } },
      });
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(", ") : value;
    const request = new HttpRequest({
      method,
      url: url.toString(),
      headers,
      query: Object.fromEntries(url.searchParams.entries()),
      params,
      ...(body.length > 0 ? { body: { bytes: body } } : {}),
    });
    const context = invocationContext(fn.name, options.log ?? false);
    const result = (await fn.callback(request, context)) as HttpResponseInit | undefined;
    await write(res, result ?? { status: 204 });
  }

  async function runTimer(name: string): Promise<void> {
    const timer = timers.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!timer) throw new Error(`No timer function named ${name}.`);
    await timer.callback({ isPastDue: false, scheduleStatus: {} }, invocationContext(timer.name, options.log ?? false));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    routes,
    timers,
    runTimer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function invocationContext(functionName: string, log: boolean): InvocationContextType {
  return new InvocationContext({
    invocationId: randomUUID(),
    functionName,
    logHandler: (level, ...args) => {
      if (level === "error" || level === "critical") console.error(`[${functionName}]`, ...args);
      else if (log) console.log(`[${functionName}]`, ...args);
    },
  });
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function notFound(res: http.ServerResponse): void {
  void write(res, { status: 404, jsonBody: { error: { code: "not_found", message: "No such API route." } } });
}

async function write(res: http.ServerResponse, result: HttpResponseInit): Promise<void> {
  const headers = new Headers(result.headers);
  let payload: Buffer | string | undefined;
  if (result.jsonBody !== undefined) {
    payload = JSON.stringify(result.jsonBody);
    if (!headers.has("content-type")) headers.set("content-type", "application/json; charset=utf-8");
  } else if (typeof result.body === "string") {
    payload = result.body;
    if (!headers.has("content-type")) headers.set("content-type", "text/plain; charset=utf-8");
  } else if (result.body instanceof Uint8Array) {
    payload = Buffer.from(result.body);
  } else if (result.body instanceof ArrayBuffer) {
    payload = Buffer.from(new Uint8Array(result.body));
  } else if (result.body !== undefined && result.body !== null) {
    payload = Buffer.from(await new Response(result.body as BodyInit).arrayBuffer());
  }
  headers.forEach((value, key) => res.setHeader(key, value));
  res.writeHead(result.status ?? 200);
  res.end(payload);
}
