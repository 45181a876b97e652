import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Metafile } from "esbuild";

export interface EntrySize {
  name: string;
  /** Files a browser downloads for the page: entry JS, its static chunk imports, CSS. */
  files: string[];
  gzipBytes: number;
}

/**
 * Gzip size of what each page downloads. Shared chunks count for every page that loads
 * them (that is what a cold cache costs); fonts and images are left out.
 */
export function measureEntries(metafile: Metafile, entries: Map<string, string>, workingDir: string): EntrySize[] {
  const sizes: EntrySize[] = [];
  for (const [name, entryOutput] of entries) {
    const files = collectStaticGraph(metafile, entryOutput);
    const css = metafile.outputs[entryOutput]?.cssBundle;
    if (css) files.push(css);
    const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(workingDir, f))).length, 0);
    sizes.push({ name, files, gzipBytes });
  }
  return sizes;
}

function collectStaticGraph(metafile: Metafile, start: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
    }
  };
  visit(start);
  return [...seen];
}

export function formatSizeReport(sizes: EntrySize[], outDir: string): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const width = Math.max(...sizes.map((s) => s.name.length));
  const lines = sizes.map(
    (s) => `  ${s.name.padEnd(width)}  ${kb(s.gzipBytes).padStart(9)} gzip  (${s.files.length} files)`,
  );
  return [`Bundle sizes per page (${path.relative(process.cwd(), outDir) || outDir}):`, ...lines].join("\n");
}
