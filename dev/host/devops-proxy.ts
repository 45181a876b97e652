import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendError } from "./http-util";

/** The stand-in's dev endpoints the host page calls, by method. */
const PROXIED = new Map<string, RegExp[]>([
  ["GET", [/^\/_dev\/orgs\/[^/]+$/, /^\/_dev\/orgs\/[^/]+\/groups$/]],
  ["POST", [/^\/_dev\/tokens$/, /^\/_dev\/orgs\/[^/]+\/groups\/[^/]+\/members$/]],
  ["PUT", [/^\/_dev\/orgs\/[^/]+\/deployment$/]],
  ["DELETE", [/^\/_dev\/orgs\/[^/]+\/groups\/[^/]+\/members\/[^/]+$/]],
]);

/**
 * Forwards the stand-in's dev endpoints (token minting, org directory, the org's
 * Services/Server mode, group membership) so the host page talks to one origin only.
 * Only these are proxied: everything else the extension needs from Azure DevOps it
 * calls on the stand-in itself.
 */
export function isDevopsProxyPath(method: string, pathname: string): boolean {
  return (PROXIED.get(method) ?? []).some((pattern) => pattern.test(pathname));
}

export async function proxyToDevops(
  req: IncomingMessage,
  res: ServerResponse,
  devopsUrl: string,
  pathAndQuery: string,
): Promise<void> {
  let body: Buffer | undefined;
  if (req.method === "POST" || req.method === "PUT") {
    try {
      body = await readBody(req);
    } catch (e) {
      sendError(res, 413, "TooLarge", (e as Error).message);
      return;
    }
  }
  // Relative to the base so a stand-in mounted under a path prefix keeps it.
  const target = new URL(pathAndQuery.replace(/^\//, ""), ensureTrailingSlash(devopsUrl));
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: req.method,
      headers: body ? { "Content-Type": req.headers["content-type"] ?? "application/json" } : {},
      body: body ? new Uint8Array(body) : undefined,
    });
  } catch (e) {
    sendError(
      res,
      502,
      "Upstream",
      `The Azure DevOps stand-in at ${devopsUrl} did not answer: ${(e as Error).message}`,
    );
    return;
  }
  const payload = Buffer.from(await upstream.arrayBuffer());
  res.writeHead(upstream.status, {
    "Content-Type": upstream.headers.get("content-type") ?? "application/json",
    "Content-Length": payload.length,
    "Cache-Control": "no-store",
  });
  res.end(payload);
}

function ensureTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
