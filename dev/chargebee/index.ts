import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiDeps } from "./api";
import { apiRouter } from "./api-routes";
import { envFactory } from "./env";
import { FaultQueue, type Fault } from "./faults";
import { requestListener } from "./http-server";
import { IdempotencyStore } from "./idempotency";
import type { WebhookEvent } from "./model";
import { runScheduledJobs } from "./operations/renew";
import { persistStore } from "./persistence";
import { Store } from "./store";
import { WebhookDispatcher, type DeliveryAttempt, type ReleaseOrder, type WebhookTarget } from "./webhooks";

export type { Fault } from "./faults";
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
  /** Keep the state in this JSON file across restarts (loaded at start, saved after changes). */
  persistFile?: string;
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
  const persistence = options.persistFile ? persistStore(store, options.persistFile) : undefined;
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

  server.on(
    "request",
    requestListener({ baseUrl: url, api, envFor, store, deliveries: webhooks.deliveries, runScheduledJobs: jobs, log }),
  );

  const interval = options.scheduledJobsIntervalMs ?? 1000;
  const timer =
    interval > 0
      ? setInterval(() => {
          try {
            jobs();
          } catch (error) {
            console.error("[chargebee] scheduled jobs failed", error);
          }
        }, interval)
      : undefined;
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
    redeliver: async (eventId) => webhooks.redeliver(findEvent(store, eventId)),
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
      persistence?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function findEvent(store: Store, eventId: string): WebhookEvent {
  const event = store.events.find((candidate) => candidate.id === eventId);
  if (!event) throw new Error(`no event ${eventId}`);
  return event;
}
