import { startDevopsStandin, type DevopsStandin, type DevopsStandinOptions } from "./index";

// Helpers for the stand-in's own tests: a client that speaks to it over real HTTP.

// Response bodies are Azure DevOps wire JSON. A caller names the shape it reads (see wire-shapes.ts);
// the test's assertions are what check that the stand-in really sent it.
export interface CallResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallInit {
  method?: string;
  body?: unknown;
  auth?: string | { pat: string };
}

export interface StandinClient {
  standin: DevopsStandin;
  /** `auth` is an access token (Bearer), `{ pat }` (Basic) or nothing. */
  call<T = unknown>(path: string, init?: CallInit): Promise<CallResult<T>>;
  tokens(
    org: string,
    user: string,
    ttlSeconds?: number,
  ): Promise<{ appToken: string; accessToken: string; user: { id: string } }>;
}

export async function startClient(opts: DevopsStandinOptions = {}): Promise<StandinClient> {
  const standin = await startDevopsStandin({ port: 0, ...opts });
  async function call<T = unknown>(path: string, init: CallInit = {}): Promise<CallResult<T>> {
    const headers: Record<string, string> = {};
    if (typeof init.auth === "string") headers.Authorization = `Bearer ${init.auth}`;
    else if (init.auth) headers.Authorization = `Basic ${Buffer.from(`:${init.auth.pat}`).toString("base64")}`;
    if (init.body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(`${standin.url}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  }
  const tokens: StandinClient["tokens"] = async (org, user, ttlSeconds) => {
    const res = await call<{ appToken: string; accessToken: string; user: { id: string } }>("/_dev/tokens", {
      body: { org, user, ...(ttlSeconds === undefined ? {} : { ttlSeconds }) },
    });
    if (res.status !== 200) throw new Error(`tokens for ${user}@${org}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return { standin, call, tokens };
}
