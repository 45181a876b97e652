import { WebApi, getBearerHandler, getPersonalAccessTokenHandler } from "azure-devops-node-api";
import type { IRequestOptions } from "azure-devops-node-api/interfaces/common/VsoBaseInterfaces";
import { DomainError, ForbiddenError, NotFoundError, UnauthorizedError, UpstreamError } from "../../domain/errors";
import { DEFAULT_THROTTLE_BUDGET_MS, type DevopsOptions } from "./devops-options";
import { honourThrottling, type Clock, type ThrottleBudget } from "./throttling";

/** The caller's OAuth access token (Bearer) or the service account's PAT (Basic). */
export type DevopsCredential = { kind: "bearer"; token: string } | { kind: "pat"; pat: string };

class DeadlineExceeded extends Error {}

/**
 * Azure DevOps through Microsoft's own client (azure-devops-node-api: its WebApi, auth
 * handlers and typed-rest-client RestClient), with what the product needs around every
 * call: a deadline, Retry-After honoured within a budget, and failures as domain errors.
 */
export class DevopsClient {
  private readonly requestOptions: IRequestOptions;

  constructor(
    private readonly options: DevopsOptions,
    private readonly clock: Clock = { now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
  ) {
    this.requestOptions = {
      socketTimeout: options.requestTimeoutMs,
      // A sign-in redirect means the credential was not accepted: answer it, never follow it.
      allowRedirects: false,
      // Retries are ours (honourThrottling), so one budget bounds them.
      allowRetries: false,
    };
  }

  /**
   * A WebApi for one of the org's hosts with the caller's or the service account's
   * credential. `keepAlive` gives it its own agent, so the calls of one session reuse their
   * connection (typed-rest-client otherwise opens a new one per request); the session
   * disposes of it.
   */
  webApi(baseUrl: string, credential: DevopsCredential, keepAlive = false): WebApi {
    const handler =
      credential.kind === "bearer" ? getBearerHandler(credential.token) : getPersonalAccessTokenHandler(credential.pat);
    // A fixed user agent: WebApi otherwise reads its package.json from disk for every instance.
    // A copy of the options: WebApi writes into the object it is given.
    return new WebApi(
      baseUrl,
      handler,
      { ...this.requestOptions, keepAlive },
      { productName: "timetracker", productVersion: "1", userAgent: "timetracker-azure-devops" },
    );
  }

  /** A fresh throttle budget: pass it to every call of one adapter method so they share it. */
  budget(): ThrottleBudget {
    return { until: this.clock.now() + (this.options.throttleBudgetMs ?? DEFAULT_THROTTLE_BUDGET_MS) };
  }

  /** Runs the calls of one adapter method in a session (one budget, kept-alive connections), closed after. */
  async session<T>(credential: DevopsCredential, work: (session: DevopsSession) => Promise<T>): Promise<T> {
    const session = new DevopsSession(this, credential);
    try {
      return await work(session);
    } finally {
      session.close();
    }
  }

  /**
   * Runs one Azure DevOps call (a rest request or a typed client method): each try within
   * the request timeout, 429s waited out as Azure DevOps asks within the throttle budget
   * (its own, or one shared with the other calls of the same adapter method), and every
   * failure turned into a domain error with a readable message.
   */
  async send<T>(call: () => Promise<T>, budget: ThrottleBudget = this.budget()): Promise<T> {
    try {
      return await honourThrottling(() => withDeadline(call(), this.options.requestTimeoutMs), budget, this.clock);
    } catch (error) {
      throw toDomainError(error);
    }
  }
}

/**
 * The calls of one adapter method: one throttling budget for all of them (a group expansion
 * makes many, and the user waits at most the budget in total) and one kept-alive WebApi per host.
 */
export class DevopsSession {
  readonly budget: ThrottleBudget;
  private readonly apis = new Map<string, WebApi>();

  constructor(
    private readonly client: DevopsClient,
    private readonly credential: DevopsCredential,
  ) {
    this.budget = client.budget();
  }

  webApi(baseUrl: string): WebApi {
    let api = this.apis.get(baseUrl);
    if (!api) {
      api = this.client.webApi(baseUrl, this.credential, true);
      this.apis.set(baseUrl, api);
    }
    return api;
  }

  /** GET a JSON resource with the `rest` client: `baseUrl` + `path` (path and query). */
  async getJson(baseUrl: string, path: string): Promise<unknown> {
    const rest = this.webApi(baseUrl).rest;
    return this.send(async () => {
      const response = await rest.get<unknown>(baseUrl + path);
      if (response.statusCode === 404) throw notFound();
      return response.result;
    });
  }

  /** POST a JSON body with the `rest` client. */
  async postJson(baseUrl: string, path: string, body: unknown): Promise<unknown> {
    const rest = this.webApi(baseUrl).rest;
    return this.send(async () => {
      const response = await rest.create<unknown>(baseUrl + path, body);
      if (response.statusCode === 404) throw notFound();
      return response.result;
    });
  }

  /** Any other client call (WebApi.connect(), a typed client method) within the session's budget. */
  send<T>(call: () => Promise<T>): Promise<T> {
    return this.client.send(call, this.budget);
  }

  close(): void {
    for (const api of this.apis.values()) api.rest.client.dispose();
    this.apis.clear();
  }
}

function notFound(): Error {
  return Object.assign(new Error("Azure DevOps could not find it."), { statusCode: 404 });
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** typed-rest-client rejects with `statusCode` (and the parsed body as `result`); sockets fail without one. */
function toDomainError(error: unknown): Error {
  if (error instanceof DomainError) return error;
  if (
    error instanceof DeadlineExceeded ||
    (error instanceof Error && /timeout/i.test(error.message) && !("statusCode" in error))
  ) {
    return new UpstreamError("Azure DevOps did not answer in time. Please try again in a minute.");
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status !== "number")
    return new UpstreamError("Azure DevOps could not be reached. Please try again in a minute.");
  if (status === 401 || (status >= 300 && status < 400))
    return new UnauthorizedError("Azure DevOps did not accept the credential for this organization.");
  if (status === 403) return new ForbiddenError("Azure DevOps denied this request for your account.");
  if (status === 404) return new NotFoundError(serviceMessage(error) ?? "Azure DevOps could not find it.");
  return new UpstreamError(`Azure DevOps answered ${status}: ${serviceMessage(error) ?? "no details"}`);
}

function serviceMessage(error: unknown): string | undefined {
  const message = (error as { result?: { message?: unknown } }).result?.message;
  if (typeof message === "string") return message;
  // Without a JSON body typed-rest-client puts the raw body (perhaps an HTML page) in the message.
  return error instanceof Error && error.message && !error.message.startsWith("Failed request")
    ? error.message.slice(0, 200)
    : undefined;
}
