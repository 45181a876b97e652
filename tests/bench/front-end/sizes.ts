import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { REPO_ROOT } from "../../../dev/build/build";
import type { EntrySize } from "../../../dev/build/size-report";
import type { BenchFigure } from "../core/benchmark";
import type { BuiltPages } from "./build-pages";

const gzipOf = (file: string) => gzipSync(readFileSync(path.join(REPO_ROOT, file))).length;
const jsFiles = (entry: EntrySize) => entry.files.filter((f) => f.endsWith(".js"));
const jsGzip = (entry: EntrySize) => jsFiles(entry).reduce((sum, f) => sum + gzipOf(f), 0);

/**
 * Share of a chunk's source text that comes from node_modules, read from its source map
 * (buildFrontEnd keeps its metafile to itself; the map lists the same inputs).
 */
function vendorShare(file: string): number {
  const mapFile = path.join(REPO_ROOT, `${file}.map`);
  if (!existsSync(mapFile)) return 0;
  const map = JSON.parse(readFileSync(mapFile, "utf8")) as { sources: string[]; sourcesContent?: (string | null)[] };
  let vendor = 0;
  let total = 0;
  map.sources.forEach((source, i) => {
    const length = map.sourcesContent?.[i]?.length ?? 0;
    total += length;
    if (source.includes("node_modules/")) vendor += length;
  });
  return total === 0 ? 0 : vendor / total;
}

/** Gzip size of each page's JavaScript and of the vendor chunks the pages share, each against the baseline page. */
export function sizeFigures(pages: BuiltPages): { figures: BenchFigure[]; notes: string[] } {
  const baseline = { label: "minimal azure-devops-ui page", value: jsGzip(pages.baseline) / 1024 };
  const figures: BenchFigure[] = pages.contributions.map((entry) => ({
    name: `${entry.name} JS (gzip)`,
    unit: "kB",
    value: jsGzip(entry) / 1024,
    baseline,
    raw: { files: jsFiles(entry).length },
  }));

  const usage = new Map<string, number>();
  for (const entry of pages.contributions) for (const f of jsFiles(entry)) usage.set(f, (usage.get(f) ?? 0) + 1);
  const shared = [...usage].filter(([f, count]) => count >= 2 && f.includes("/chunks/"));
  const vendorChunks = shared.filter(([f]) => vendorShare(f) >= 0.5).map(([f]) => f);
  figures.push({
    name: "shared vendor code (gzip)",
    unit: "kB",
    value: vendorChunks.reduce((sum, f) => sum + gzipOf(f), 0) / 1024,
    baseline,
    raw: { chunks: vendorChunks.map((f) => path.basename(f)).join(" "), vendorShare: vendorChunks.map((f) => vendorShare(f).toFixed(2)).join(" ") },
  });
  return {
    figures,
    notes: ["sizes are JavaScript only (CSS and fonts left out); a page's size counts every chunk it imports statically, shared ones included"],
  };
}
