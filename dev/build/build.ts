// Front-end build: one esbuild ES-module bundle per contribution page (src/<page>/index.ts[x]),
// vendor code (React, azure-devops-ui, the SDK) split into shared chunks, plus an HTML shell
// per page. `npm run build` runs this file; `npm start` calls buildFrontEnd() in-process.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { findPageEntries, type PageEntry } from "./entries";
import { bundleFunctions } from "./functions-bundle";
import { renderHtmlShell } from "./html-shell";
import { formatSizeReport, measureEntries, type EntrySize } from "./size-report";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const WEB_OUT_DIR = path.join(REPO_ROOT, "dist", "web");
export const DEFAULT_API_BASE_URL = "http://localhost:7071";

export interface BuildOptions {
  /** Backend origin the pages call (`${apiBaseUrl}/api/...`). */
  apiBaseUrl: string;
  /** Rebuild on change until stop() is called; implies `development` unless it says otherwise. */
  watch?: boolean;
  /** Unminified, React development build (what `npm start` serves). */
  development?: boolean;
  outDir?: string;
  /** Called after every watch rebuild (not for the first build, which the promise reports). */
  onRebuild?: (result: { errors: number }) => void;
}

export interface BuildResult {
  entries: PageEntry[];
  sizes: EntrySize[];
  /** Stops watching (no-op for a one-off build). */
  stop: () => Promise<void>;
}

export async function buildFrontEnd(options: BuildOptions): Promise<BuildResult> {
  const outDir = options.outDir ?? WEB_OUT_DIR;
  const apiBaseUrl = normaliseBaseUrl(options.apiBaseUrl);
  const entries = findPageEntries(path.join(REPO_ROOT, "src"));
  if (entries.length === 0) throw new Error("No contribution pages found under src/ (folders with an index.ts[x]).");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  let sizes: EntrySize[] = [];
  let builds = 0;
  const shells: esbuild.Plugin = {
    name: "html-shells",
    setup(build) {
      build.onEnd((result) => {
        builds += 1;
        if (result.errors.length === 0 && result.metafile) sizes = writeShells(result.metafile, entries, outDir);
        if (builds > 1) options.onRebuild?.({ errors: result.errors.length });
      });
    },
  };

  const buildOptions = esbuildOptions(entries, outDir, apiBaseUrl, options.development ?? options.watch === true);
  if (!options.watch) {
    await esbuild.build({ ...buildOptions, plugins: [shells] });
    return { entries, sizes, stop: async () => {} };
  }
  const context = await esbuild.context({ ...buildOptions, plugins: [shells] });
  await context.rebuild();
  await context.watch();
  return { entries, sizes, stop: () => context.dispose() };
}

function esbuildOptions(
  entries: PageEntry[],
  outDir: string,
  apiBaseUrl: string,
  development: boolean,
): esbuild.BuildOptions {
  return {
    absWorkingDir: REPO_ROOT,
    entryPoints: Object.fromEntries(entries.map((e) => [e.name, e.file])),
    outdir: outDir,
    bundle: true,
    format: "esm",
    splitting: true,
    platform: "browser",
    target: ["es2020"],
    minify: !development,
    sourcemap: true,
    metafile: true,
    charset: "utf8",
    chunkNames: "chunks/[name]-[hash]",
    assetNames: "assets/[name]-[hash]",
    // azure-devops-ui's CSS pulls in its icon fonts; images for our own components.
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".png": "file", ".svg": "file" },
    define: {
      __TT_API_BASE_URL__: JSON.stringify(apiBaseUrl),
      "process.env.NODE_ENV": JSON.stringify(development ? "development" : "production"),
    },
    tsconfig: path.join(REPO_ROOT, "tsconfig.json"),
    logLevel: "warning",
  };
}

function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`TT_API_BASE_URL must be an absolute http(s) URL, got "${raw}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`TT_API_BASE_URL must use http or https, got "${raw}".`);
  }
  return url.href.replace(/\/+$/, "");
}

/** Writes <name>.html for every entry and returns the download size of each page. */
function writeShells(metafile: esbuild.Metafile, entries: PageEntry[], outDir: string): EntrySize[] {
  const entryOutputs = new Map<string, string>();
  for (const entry of entries) {
    const jsFile = path.relative(REPO_ROOT, path.join(outDir, `${entry.name}.js`));
    const output = metafile.outputs[jsFile];
    if (!output) throw new Error(`esbuild produced no ${jsFile} for ${entry.file}.`);
    const cssFile = output.cssBundle ? path.basename(output.cssBundle) : undefined;
    writeFileSync(
      path.join(outDir, `${entry.name}.html`),
      renderHtmlShell({ name: entry.name, title: "Timetracker", cssFile }),
    );
    entryOutputs.set(entry.name, jsFile);
  }
  return measureEntries(metafile, entryOutputs, REPO_ROOT);
}

async function main(): Promise<void> {
  const started = Date.now();
  const result = await buildFrontEnd({ apiBaseUrl: process.env.TT_API_BASE_URL ?? DEFAULT_API_BASE_URL });
  console.log(formatSizeReport(result.sizes, WEB_OUT_DIR));
  console.log(`Built ${result.entries.length} pages in ${Date.now() - started} ms.`);
  const functionsDir = await bundleFunctions(REPO_ROOT);
  console.log(`Functions app ready to deploy in ${path.relative(REPO_ROOT, functionsDir)}/.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
