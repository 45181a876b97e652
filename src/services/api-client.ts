import { ApiError, errorFromResponse, INVALID_RESPONSE, NETWORK_ERROR } from "./api-error";
import type { IdentityTokens, TokenCache } from "./token-cache";

export type HostKind = "cloud" | "server";

/** Who is calling from where; sent as the X-TT-* headers of the identity contract. */
export interface CallerIdentity {
  org: string;
  hostType: HostKind;
}

export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions<T> {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Validates the JSON body (e.g. a zod schema's `parse`); without it the body is trusted. */
  parse?: (body: unknown) => T;
}

/**
 * Typed calls to the Timetracker backend. `path` is relative to `/api/`
 * (`client.get("me")` calls `${baseUrl}/api/me`). Failures throw ApiError.
 */
export interface ApiClient {
  get<T>(path: string, options?: RequestOptions<T>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions<T>): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions<T>): Promise<T>;
  delete<T = void>(path: string, options?: RequestOptions<T>): Promise<T>;
}

export interface ApiClientDeps {
  baseUrl: string;
  tokens: TokenCache;
  identity: () => CallerIdentity;
  fetch?: typeof fetch;
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";

export function createApiClient(deps: ApiClientDeps): ApiClient {
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const root = deps.baseUrl.replace(/\/+$/, "");

  async function send(method: Method, path: string, body: unknown, tokens: IdentityTokens, signal?: AbortSignal) {
    const { org, hostType } = deps.identity();
    const headers: Record<string, string> = {
      Accept: "application/json",
      Authorization: `Bearer ${tokens.appToken}`,
      "X-TT-Access-Token": tokens.accessToken,
      "X-TT-Org": org,
      "X-TT-Host-Type": hostType,
    };
    const init: RequestInit = { method, headers, signal };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    try {
      return await doFetch(path, init);
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(0, NETWORK_ERROR, `Could not reach the Timetracker service at ${root}.`);
    }
  }

  async function request<T>(method: Method, path: string, body: unknown, options: RequestOptions<T> = {}): Promise<T> {
    const url = buildUrl(root, path, options.query);
    let response = await send(method, url, body, await deps.tokens.get(), options.signal);
    if (response.status === 401) {
      // Tokens can be revoked or expire early (clock skew): refresh once and retry.
      deps.tokens.invalidate();
      response = await send(method, url, body, await deps.tokens.get(), options.signal);
    }
    const text = await response.text();
    if (!response.ok) throw errorFromResponse(response.status, response.statusText, text);
    const parsed = parseBody(response.status, text);
    return options.parse ? options.parse(parsed) : (parsed as T);
  }

  return {
    get: (path, options) => request("GET", path, undefined, options),
    post: (path, body, options) => request("POST", path, body, options),
    patch: (path, body, options) => request("PATCH", path, body, options),
    delete: (path, options) => request("DELETE", path, undefined, options),
  };
}

function buildUrl(root: string, path: string, query: Record<string, QueryValue> | undefined): string {
  const url = `${root}/api/${path.replace(/^\/+/, "")}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

function parseBody(status: number, text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(status, INVALID_RESPONSE, "The Timetracker service sent a response that is not JSON.");
  }
}
