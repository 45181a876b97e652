import type { IncomingMessage, ServerResponse } from "node:http";
import { handleApiCall, type ApiDeps } from "./api";
import { downloadPdf } from "./downloads";
import type { Env } from "./env";
import { hostedRouter } from "./hosted/routes";
import type { EventSource } from "./model";
import type { Store } from "./store";
import type { DeliveryAttempt } from "./webhooks";

const MAX_BODY_BYTES = 1 << 20;
const TEXT = "text/plain; charset=utf-8";

export interface HttpDeps {
  baseUrl: string;
  api: ApiDeps;
  envFor: (source: EventSource) => Env;
  store: Store;
  deliveries: readonly DeliveryAttempt[];
  runScheduledJobs: () => void;
  log: (line: string) => void;
}

/**
 * Routes the stand-in's URLs: the API under `/api/v2`, the hosted pages
 * under `/hosted`, signed PDF downloads, and `/_dev/state` for debugging.
 */
export function requestListener(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? "GET";
    const target = new URL(req.url ?? "/", deps.baseUrl);
    const path = target.pathname;
    res.on("finish", () => deps.log(`${method} ${path} ${res.statusCode}`));
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, TEXT, "Request body too large");

    if (path.startsWith("/api/v2/")) {
      const call = {
        method,
        path: path.slice("/api/v2".length),
        query: target.search.slice(1),
        headers: req.headers,
        body,
      };
      const answer = await handleApiCall(deps.api, call);
      return send(res, answer.status, "application/json;charset=utf-8", answer.body, answer.headers);
    }
    if (path.startsWith("/hosted/")) {
      deps.runScheduledJobs();
      const match = hostedRouter.match(method, path);
      if (match.kind !== "found") return send(res, match.kind === "none" ? 404 : 405, TEXT, "Not found");
      const result = match.handler(
        deps.envFor("hosted_page"),
        match.params,
        Object.fromEntries(new URLSearchParams(body)),
      );
      if ("redirect" in result) {
        res.writeHead(303, { Location: result.redirect, "Cache-Control": "no-store" }).end();
        return;
      }
      return send(res, result.status, "text/html; charset=utf-8", result.html, { "Cache-Control": "no-store" });
    }
    const download = /^\/downloads\/(invoices|credit_notes)\/([^/]+)\.pdf$/.exec(path);
    if (download && method === "GET") {
      const [, kind = "", id = ""] = download;
      const pdf = downloadPdf(deps.envFor("api"), kind, decodeURIComponent(id), target.searchParams.get("token") ?? "");
      if (!pdf) return send(res, 403, TEXT, "This download link is invalid or has expired.");
      const filename = `${kind === "invoices" ? "invoice" : "credit-note"}-${id.replace(/[^\w.-]/g, "_")}.pdf`;
      return send(res, 200, "application/pdf", pdf, { "Content-Disposition": `inline; filename="${filename}"` });
    }
    if (path === "/_dev/state" && method === "GET") {
      deps.runScheduledJobs();
      const state = { ...deps.store.dump(), webhook_deliveries: deps.deliveries };
      return send(res, 200, "application/json;charset=utf-8", JSON.stringify(state, null, 2));
    }
    return send(res, 404, TEXT, "Not found");
  };

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("[chargebee] request failed", error);
      if (!res.headersSent) send(res, 500, TEXT, "Internal error");
      else res.end();
    });
  };
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "Content-Type": contentType, ...headers }).end(body);
}
