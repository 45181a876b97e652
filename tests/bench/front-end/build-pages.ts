import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { buildFrontEnd, REPO_ROOT } from "../../../dev/build/build";
import { renderHtmlShell } from "../../../dev/build/html-shell";
import { measureEntries, type EntrySize } from "../../../dev/build/size-report";

export const BASELINE_NAME = "bench-baseline";
const BASELINE_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), "baseline", "index.tsx");

export interface BuiltPages {
  contributions: EntrySize[];
  baseline: EntrySize;
}

/**
 * Production build of every contribution (buildFrontEnd, as `npm run build` does) and of the
 * baseline page into `outDir`. The baseline uses the options of dev/build/build.ts that
 * change what the browser gets (ESM, splitting, minify, target, loaders, production React),
 * in its own build so it shares no chunk with our pages.
 */
export async function buildPages(outDir: string, apiBaseUrl: string): Promise<BuiltPages> {
  const { sizes } = await buildFrontEnd({ apiBaseUrl, outDir });
  const baselineDir = path.join(outDir, BASELINE_NAME);
  mkdirSync(baselineDir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: REPO_ROOT,
    entryPoints: { [BASELINE_NAME]: BASELINE_ENTRY },
    outdir: baselineDir,
    bundle: true,
    format: "esm",
    splitting: true,
    platform: "browser",
    target: ["es2020"],
    minify: true,
    metafile: true,
    charset: "utf8",
    chunkNames: "chunks/[name]-[hash]",
    assetNames: "assets/[name]-[hash]",
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".png": "file", ".svg": "file" },
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    tsconfig: path.join(REPO_ROOT, "tsconfig.json"),
    logLevel: "warning",
  });
  const jsFile = path.relative(REPO_ROOT, path.join(baselineDir, `${BASELINE_NAME}.js`));
  const css = result.metafile.outputs[jsFile]?.cssBundle;
  writeFileSync(
    path.join(baselineDir, `${BASELINE_NAME}.html`),
    renderHtmlShell({ name: BASELINE_NAME, title: "Baseline", ...(css ? { cssFile: path.basename(css) } : {}) }),
  );
  const [baseline] = measureEntries(result.metafile, new Map([[BASELINE_NAME, jsFile]]), REPO_ROOT);
  return { contributions: sizes, baseline: baseline };
}
