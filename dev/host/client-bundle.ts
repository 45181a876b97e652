import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { basename } from "node:path";

export interface BundledAsset {
  contentType: string;
  body: Uint8Array;
}

const CLIENT_ENTRY = fileURLToPath(new URL("./client/main.ts", import.meta.url));

/**
 * Bundles the host page (client/main.ts and the CSS it imports) in memory once at
 * startup. Returns the files keyed by name as served under /host/.
 */
export async function bundleHostClient(): Promise<Map<string, BundledAsset>> {
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    write: false,
    format: "esm",
    target: "es2022",
    platform: "browser",
    sourcemap: "inline",
    outdir: "/host-out",
    logLevel: "silent",
  });
  const assets = new Map<string, BundledAsset>();
  for (const file of result.outputFiles) {
    const name = basename(file.path);
    const contentType = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    assets.set(name, { contentType, body: file.contents });
  }
  return assets;
}
