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

  /** A WebApi for one of the org's hosts with the caller's or the service account's credential. */
  webApi(baseUrl: string, credential: DevopsCredential): WebApi {
    const handler = credential.kind === "bearer" ? getBearerHandler(credential.token) : getPersonalAccessTokenHandler(credential.pat);
    // A fixed user agent: WebApi otherwise reads its package.json from disk for every instance.
    return new WebApi(baseUrl, handler, this.requestOptions, { productName: "timetracker", productVersion: "1", userAgent: "timetracker-azure-devops" });
  }

  /** A fresh throttle budget: pass it to every call of one adapter method so they share it. */
  budget(): ThrottleBudget {
    return { until: this.clock.now() + (this.options.throttleBudgetMs ?? DEFAULT_THROTTLE_BUDGET_MS) };
  }

  /** GET a JSON resource (absolute URL) with the `rest` client. */
  getJson(webApi: WebApi, url: string, budget?: ThrottleBudget): Promise<unknown> {
    return this.send(async () => {
      const response = await webApi.rest.get<unknown>(url);
      if (response.statusCode === 404) throw notFound();
      return response.result;
    }, budget);
  }

  /** POST a JSON body (absolute URL) with the `rest` client. */
  postJson(webApi: WebApi, url: string, body: unknown, budget?: ThrottleBudget): Promise<unknown> {
    return this.send(async () => {
      const response = await webApi.rest.create<unknown>(url, body);
      if (response.statusCode === 404) throw notFound();
      return response.result;
    }, budget);
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
  if (error instanceof DeadlineExceeded || (error instanceof Error && /timeout/i.test(error.message) && !("statusCode" in error))) {
    return new UpstreamError("Azure DevOps did not answer in time. Please try again in a minute.");
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status !== "number") return new UpstreamError("Azure DevOps could not be reached. Please try again in a minute.");
  if (status === 401 || (status >= 300 && status < 400)) return new UnauthorizedError("Azure DevOps did not accept the credential for this organization.");
  if (status === 403) return new ForbiddenError("Azure DevOps denied this request for your account.");
  if (status === 404) return new NotFoundError(serviceMessage(error) ?? "Azure DevOps could not find it.");
  return new UpstreamError(`Azure DevOps answered ${status}: ${serviceMessage(error) ?? "no details"}`);
}

function serviceMessage(error: unknown): string | undefined {
  const message = (error as { result?: { message?: unknown } }).result?.message;
  if (typeof message === "string") return message;
  // Without a JSON body typed-rest-client puts the raw body (perhaps an HTML page) in the message.
  return error instanceof Error && error.message && !error.message.startsWith("Failed request") ? error.message.slice(0, 200) : undefined;
}
