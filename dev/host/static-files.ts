import { readFile, stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";
import { sendError } from "./http-util";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".eot": "application/vnd.ms-fontobject",
  ".txt": "text/plain; charset=utf-8",
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Serves `relativePath` from inside `rootDir`. The extension is rebuilt while the
 * host runs, so nothing is cached; paths escaping the folder are refused.
 */
export async function serveFile(res: ServerResponse, rootDir: string, relativePath: string): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    sendError(res, 400, "BadPath", "The path is not valid URL encoding.");
    return;
  }
  const root = resolve(rootDir);
  const file = resolve(root, decoded);
  if (file !== root && !file.startsWith(root + sep)) {
    sendError(res, 400, "BadPath", "The path leaves the served folder.");
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error("not a file");
  } catch {
    sendError(res, 404, "NotFound", `No file ${relativePath} (build the extension with npm run build?)`);
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    "Content-Type": contentTypeFor(file),
    "Content-Length": body.length,
    "Cache-Control": "no-store",
  });
  res.end(body);
}
