import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleApiCall, type ApiDeps } from "./api";
import { apiRouter } from "./api-routes";
import { downloadPdf } from "./downloads";
import { envFactory } from "./env";
import { FaultQueue, type Fault } from "./faults";
import { hostedRouter } from "./hosted/routes";
import { IdempotencyStore } from "./idempotency";
import { runScheduledJobs } from "./operations/renew";
import { Store } from "./store";
import { WebhookDispatcher, type DeliveryAttempt, type ReleaseOrder, type WebhookTarget } from "./webhooks";

export type { Fault } from "./faults";
export type { WebhookEvent } from "./model";
export type { Store } from "./store";
export type { DeliveryAttempt, ReleaseOrder, WebhookTarget } from "./webhooks";

export interface StandinOptions {
  /** Default 7073 (the local stack's port); pass 0 for a random free port. */
  port?: number;
  host?: string;
  /** Default `test_dev_key`. The client sends it as the Basic auth user name. */
  apiKey?: string;
  /** Where to POST events (Basic auth). Without it events are only recorded. */
  webhook?: WebhookTarget;
  /** Current time; tests pass a movable clock. Terms, proration and renewals follow it. */
  clock?: () => Date;
  log?: boolean;
  /** Delays before webhook retries (default 250 ms, 1 s, 4 s). */
  webhookRetryDelaysMs?: readonly number[];
  /** How often renewals run on their own (default 1000 ms; 0 = only when the stand-in is called). */
  scheduledJobsIntervalMs?: number;
}

export interface ChargebeeStandin {
  /** Origin, e.g. `http://127.0.0.1:7073`; the API is under `/api/v2`. */
  url: string;
  port: number;
  /** Use as the client's `site` together with `hostSuffix: ''`, `protocol: 'http'` and `port`. */
  site: string;
  apiKey: string;
  /** Ready-made options for `new Chargebee(clientConfig)`. */
  clientConfig: { site: string; apiKey: string; hostSuffix: string; protocol: "http"; port: number };
  /** Everything the stand-in holds; `state.events` lists every event created. */
  state: Store;
  webhookDeliveries: readonly DeliveryAttempt[];
  failNext(fault: Fault): void;
  setWebhook(target: WebhookTarget | undefined): void;
  /** Sends an event once more (a duplicate delivery). Resolves with the receiver's status. */
  redeliver(eventId: string): Promise<number | undefined>;
  /** Sends the given events again, last one first. */
  deliverOutOfOrder(eventIds: readonly string[]): Promise<void>;
  /** Keeps new events back until `releaseWebhooks`, which can send them reversed. */
  holdWebhooks(): void;
  releaseWebhooks(order?: ReleaseOrder): Promise<void>;
  /** Resolves when every queued delivery (and retry) is done. */
  webhooksIdle(): Promise<void>;
  /** Renews or ends subscriptions whose term is over by the clock, now. */
  runScheduledJobs(): void;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1 << 20;

export async function startChargebeeStandin(options: StandinOptions = {}): Promise<ChargebeeStandin> {
  const host = options.host ?? "127.0.0.1";
  const apiKey = options.apiKey ?? "test_dev_key";
  const clock = options.clock ?? ((): Date => new Date());
  const log = options.log ? (line: string): void => console.log(`[chargebee] ${line}`) : (): void => {};
  const store = new Store(() => clock().getTime());
  const webhooks = new WebhookDispatcher({
    log,
    ...(options.webhook ? { target: options.webhook } : {}),
    ...(options.webhookRetryDelaysMs ? { retryDelaysMs: options.webhookRetryDelaysMs } : {}),
  });
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 7073, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const site = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const url = `http://${site}:${port}`;
  const envFor = envFactory({ store, baseUrl: url, clock, webhooks });
  const jobs = (): void => runScheduledJobs(envFor("scheduled_job"));
  const faults = new FaultQueue();
  const api: ApiDeps = {
    apiKey,
    env: envFor("api"),
    router: apiRouter(),
    faults,
    idempotency: new IdempotencyStore(),
    runScheduledJobs: jobs,
    onUnexpectedError: (error) => console.error("[chargebee] unexpected error", error),
  };

  server.on("request", (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("[chargebee] request failed", error);
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "Internal error");
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const target = new URL(req.url ?? "/", url);
    const path = target.pathname;
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, "text/plain; charset=utf-8", "Request body too large");
    res.on("finish", () => log(`${method} ${path} ${res.statusCode}`));

    if (path.startsWith("/api/v2/")) {
      const answer = await handleApiCall(api, { method, path: path.slice("/api/v2".length), query: target.search.slice(1), headers: req.headers, body });
      return send(res, answer.status, "application/json;charset=utf-8", answer.body, answer.headers);
    }
    if (path.startsWith("/hosted/")) {
      jobs();
      const match = hostedRouter.match(method, path);
      if (match.kind !== "found") return send(res, match.kind === "none" ? 404 : 405, "text/plain; charset=utf-8", "Not found");
      const form = Object.fromEntries(new URLSearchParams(body));
      const result = match.handler(envFor("hosted_page"), match.params, form);
      if ("redirect" in result) {
        res.writeHead(303, { Location: result.redirect, "Cache-Control": "no-store" }).end();
        return;
      }
      return send(res, result.status, "text/html; charset=utf-8", result.html, { "Cache-Control": "no-store" });
    }
    const download = /^\/downloads\/(invoices|credit_notes)\/([^/]+)\.pdf$/.exec(path);
    if (download && method === "GET") {
      const pdf = downloadPdf(envFor("api"), download[1] ?? "", decodeURIComponent(download[2] ?? ""), target.searchParams.get("token") ?? "");
      if (!pdf) return send(res, 403, "text/plain; charset=utf-8", "This download link is invalid or has expired.");
      return send(res, 200, "application/pdf", pdf, { "Content-Disposition": `inline; filename="${download[1] === "invoices" ? "invoice" : "credit-note"}-${download[2]}.pdf"` });
    }
    if (path === "/_dev/state" && method === "GET") {
      jobs();
      return send(res, 200, "application/json;charset=utf-8", JSON.stringify({ ...store.dump(), webhook_deliveries: webhooks.deliveries }, null, 2));
    }
    return send(res, 404, "text/plain; charset=utf-8", "Not found");
  }

  const interval = options.scheduledJobsIntervalMs ?? 1000;
  const timer = interval > 0 ? setInterval(jobs, interval) : undefined;
  timer?.unref();

  return {
    url,
    port,
    site,
    apiKey,
    clientConfig: { site, apiKey, hostSuffix: "", protocol: "http", port },
    state: store,
    webhookDeliveries: webhooks.deliveries,
    failNext: (fault) => faults.push(fault),
    setWebhook: (target) => webhooks.setTarget(target),
    redeliver: (eventId) => webhooks.redeliver(findEvent(store, eventId)),
    deliverOutOfOrder: async (eventIds) => {
      for (const id of [...eventIds].reverse()) await webhooks.redeliver(findEvent(store, id));
    },
    holdWebhooks: () => webhooks.hold(),
    releaseWebhooks: (order) => webhooks.release(order),
    webhooksIdle: () => webhooks.idle(),
    runScheduledJobs: jobs,
    stop: async () => {
      if (timer) clearInterval(timer);
      webhooks.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function findEvent(store: Store, eventId: string) {
  const event = store.events.find((candidate) => candidate.id === eventId);
  if (!event) throw new Error(`no event ${eventId}`);
  return event;
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

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": contentType, ...headers }).end(body);
}
