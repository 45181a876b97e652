import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { bundleHostClient, type BundledAsset } from "./client-bundle";
import { isDevopsProxyPath, proxyToDevops } from "./devops-proxy";
import { hostPageHtml } from "./host-page";
import { sendError, sendJson, sendText } from "./http-util";
import { ManifestError, readManifest } from "./manifest";
import type { DevHostConfig } from "./shared/config-types";
import { serveFile } from "./static-files";

export interface DevHostOptions {
  /** 3000 in the local stack; 0 picks a free port (tests). */
  port?: number;
  /** Interface to listen on; defaults to 127.0.0.1. */
  host?: string;
  /** Repository root: vss-extension.json, dist/web/ and static/ are read from here. */
  repoRoot: string;
  /** Azure DevOps stand-in base URL, e.g. http://127.0.0.1:7072. */
  devopsUrl: string;
  /** Functions backend base URL, e.g. http://127.0.0.1:7071. */
  apiUrl: string;
  chargebeeUrl?: string;
  /** Org shown when the URL has no ?org=; defaults to "fabrikam". */
  defaultOrg?: string;
  /**
   * Manifest overrides to apply (the dev variant's id, so the extension context
   * matches the dev app token's audience). Defaults to
   * `<repoRoot>/dev/build/dev-overrides.json` when that file exists; `null` for none.
   */
  manifestOverridesFile?: string | null;
}

export interface DevHost {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const EXTENSION_BASE = "/ext/";

export async function startDevHost(opts: DevHostOptions): Promise<DevHost> {
  const assets = await bundleHostClient();
  const server = createServer((req, res) => {
    handle(req, res, opts, assets).catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, "Internal", (e as Error).message ?? String(e));
      else res.destroy();
    });
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 3000, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  // The documented address is http://localhost:3000; other interfaces are shown as given.
  const shownHost = host === "127.0.0.1" || host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  opts: DevHostOptions,
  assets: Map<string, BundledAsset>,
): Promise<void> {
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", "http://dev-host.invalid");
  const path = url.pathname;

  if (isDevopsProxyPath(method, path)) {
    await proxyToDevops(req, res, opts.devopsUrl, path + url.search);
    return;
  }
  if (method !== "GET" && method !== "HEAD") {
    sendError(res, 405, "MethodNotAllowed", `${method} ${path} is not served by the dev host.`);
    return;
  }
  if (path === "/" || path === "/index.html") {
    sendText(res, 200, "text/html; charset=utf-8", hostPageHtml());
    return;
  }
  if (path === "/api/_devhost/config") {
    await sendConfig(res, opts);
    return;
  }
  if (path.startsWith("/host/")) {
    const asset = assets.get(path.slice("/host/".length));
    if (asset) sendText(res, 200, asset.contentType, asset.body);
    else sendError(res, 404, "NotFound", `No host asset ${path}`);
    return;
  }
  if (path.startsWith(`${EXTENSION_BASE}dist/web/`)) {
    await serveFile(res, join(opts.repoRoot, "dist", "web"), path.slice(`${EXTENSION_BASE}dist/web/`.length));
    return;
  }
  if (path.startsWith(`${EXTENSION_BASE}static/`)) {
    await serveFile(res, join(opts.repoRoot, "static"), path.slice(`${EXTENSION_BASE}static/`.length));
    return;
  }
  if (path === "/favicon.ico") {
    res.writeHead(204).end();
    return;
  }
  sendError(res, 404, "NotFound", `Nothing at ${path}`);
}

async function sendConfig(res: ServerResponse, opts: DevHostOptions): Promise<void> {
  try {
    const manifest = await readManifest(opts.repoRoot, overridesFileFor(opts));
    const config: DevHostConfig = {
      extension: manifest.extension,
      contributions: manifest.contributions,
      extensionBaseUrl: EXTENSION_BASE,
      devopsUrl: opts.devopsUrl,
      apiUrl: opts.apiUrl,
      chargebeeUrl: opts.chargebeeUrl,
      defaultOrg: opts.defaultOrg ?? "fabrikam",
    };
    sendJson(res, 200, config);
  } catch (e) {
    if (e instanceof ManifestError) sendError(res, 500, "Manifest", e.message);
    else throw e;
  }
}

function overridesFileFor(opts: DevHostOptions): string | undefined {
  if (opts.manifestOverridesFile === null) return undefined;
  if (opts.manifestOverridesFile) return opts.manifestOverridesFile;
  const devOverrides = join(opts.repoRoot, "dev", "build", "dev-overrides.json");
  return existsSync(devOverrides) ? devOverrides : undefined;
}
