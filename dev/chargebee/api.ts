import { ApiError, authenticationFailed, faultBody, methodNotSupported, paramWrongValue, urlNotFound } from "./errors";
import type { Env } from "./env";
import type { FaultQueue } from "./faults";
import { parseForm } from "./form-parser";
import { FormReader } from "./form-reader";
import type { ApiHandler } from "./handler";
import type { IdempotencyStore, StoredResponse } from "./idempotency";
import type { Router } from "./router";

export interface ApiCall {
  method: string;
  /** Path below `/api/v2`, e.g. `/subscriptions/abc`. */
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface ApiDeps {
  apiKey: string;
  env: Env;
  router: Router<ApiHandler>;
  faults: FaultQueue;
  idempotency: IdempotencyStore;
  runScheduledJobs: () => void;
  onUnexpectedError: (error: unknown) => void;
}

export interface ApiAnswer extends StoredResponse {
  headers: Record<string, string>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const header = (call: ApiCall, name: string): string | undefined => {
  const value = call.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** One Chargebee API call: Basic auth with the API key, faults, idempotency, routing and Chargebee's error envelope. */
export async function handleApiCall(deps: ApiDeps, call: ApiCall): Promise<ApiAnswer> {
  const json = (status: number, body: object): StoredResponse => ({ status, body: JSON.stringify(body) });
  const fail = (error: ApiError): ApiAnswer => ({ ...json(error.status, error.body), headers: {} });

  const authError = checkApiKey(header(call, "authorization"), deps.apiKey);
  if (authError) return fail(authError);

  const fault = deps.faults.take();
  if (fault && "status" in fault) return { ...json(fault.status, fault.body ?? faultBody(fault.status)), headers: {} };

  const match = deps.router.match(call.method, call.path);
  if (match.kind === "none") return fail(urlNotFound(`/api/v2${call.path}`));
  if (match.kind === "wrong_method") return fail(methodNotSupported(call.method));

  const execute = async (): Promise<StoredResponse> => {
    if (fault && "delayMs" in fault) await sleep(fault.delayMs);
    try {
      const query = new FormReader(parseForm(call.query));
      const body = new FormReader(parseForm(readableBody(call)));
      deps.runScheduledJobs();
      return json(200, match.handler(deps.env, { params: match.params, query, body }));
    } catch (error) {
      if (error instanceof ApiError) return json(error.status, error.body);
      deps.onUnexpectedError(error);
      return json(500, faultBody(500));
    }
  };

  const key = header(call, "chargebee-idempotency-key");
  if (call.method !== "POST" || !key) return { ...(await execute()), headers: {} };
  const { response, replayed } = await deps.idempotency.run(key, call, execute);
  return { ...response, headers: replayed ? { "chargebee-idempotency-replayed": "true" } : {} };
}

function checkApiKey(authorization: string | undefined, apiKey: string): ApiError | undefined {
  if (!authorization) return authenticationFailed("Sorry, authentication failed. Authorization header is missing.");
  const [scheme, encoded] = authorization.split(" ");
  if (scheme !== "Basic" || !encoded)
    return authenticationFailed("Sorry, authentication failed. Use HTTP Basic auth with the API key as user name.");
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const user = decoded.includes(":") ? decoded.slice(0, decoded.indexOf(":")) : decoded;
  return user === apiKey ? undefined : authenticationFailed("Sorry, authentication failed. Invalid api key.");
}

/** The client sends `application/x-www-form-urlencoded`; anything else with content is refused. */
function readableBody(call: ApiCall): string {
  if (call.body === "") return "";
  const type = header(call, "content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) {
    throw paramWrongValue("Content-Type", "the request body must be application/x-www-form-urlencoded");
  }
  return call.body;
}
