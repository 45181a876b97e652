import type { IncomingMessage, ServerResponse } from "node:http";
import { AdoError } from "./errors";
import type { OrgState } from "./org-state";
import type { UserRecord } from "./records";
import type { DevopsState } from "./state";

// Request context and reply plumbing shared by the router and every handler.

export interface StandinConfig {
  extensionSecret: string;
  extensionId: string;
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({
  status: 200,
  body,
  ...(headers ? { headers } : {}),
});

/** Query parameters; Azure DevOps reads their names case-insensitively. */
export class Query {
  private readonly values = new Map<string, string>();

  constructor(params: URLSearchParams) {
    for (const [key, value] of params) this.values.set(key.toLowerCase(), value);
  }

  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase());
  }

  /** A comma-separated parameter as a list (empty items dropped). */
  list(name: string, separator = ","): string[] {
    return (this.get(name) ?? "")
      .split(separator)
      .map((s) => s.trim())
      .filter((s) => s !== "");
  }
}

export interface RequestContext {
  req: IncomingMessage;
  params: Record<string, string>;
  query: Query;
  /** `http://host:port` as the client addressed us; links in responses start with it. */
  baseUrl: string;
  state: DevopsState;
  config: StandinConfig;
  readJson(): Promise<unknown>;
}

export interface OrgRequestContext extends RequestContext {
  org: OrgState;
}

export interface CallerContext extends OrgRequestContext {
  caller: UserRecord;
}

const MAX_BODY_BYTES = 1_000_000;

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new AdoError(413, "The request body is too large.", "RequestContentTooLargeException");
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AdoError(400, "The request body is not valid JSON.", "ArgumentException");
  }
}

/** Azure DevOps' error body (the same fields the real service returns). */
export function adoErrorBody(error: AdoError): Record<string, unknown> {
  return {
    $id: "1",
    innerException: null,
    message: error.message,
    typeName: `Microsoft.VisualStudio.Services.WebApi.${error.typeKey}, Microsoft.VisualStudio.Services.WebApi`,
    typeKey: error.typeKey,
    errorCode: error.errorCode,
    eventId: 3000,
  };
}

export function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": req.headers.origin ?? "*",
    "Access-Control-Expose-Headers": "X-MS-ContinuationToken",
    Vary: "Origin",
  };
}

export function send(res: ServerResponse, req: IncomingMessage, reply: Reply): void {
  const payload = reply.body === undefined ? "" : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...corsHeaders(req),
    ...(payload ? { "Content-Type": "application/json; charset=utf-8; api-version=7.1" } : {}),
    ...reply.headers,
  });
  res.end(payload);
}
