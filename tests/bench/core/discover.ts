import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Benchmark } from "./benchmark";

export interface BenchArea {
  /** Folder name under tests/bench/, e.g. "core", "users". */
  area: string;
  benchmarks: Benchmark[];
}

export interface DiscoveryProblem {
  area: string;
  message: string;
}

/**
 * One area per folder of tests/bench/ with an index.ts exporting `benchmarks`: adding a
 * benchmark means adding it to its area's list, never editing the runner.
 */
export async function discoverAreas(benchDir: string): Promise<{ areas: BenchArea[]; problems: DiscoveryProblem[] }> {
  const areas: BenchArea[] = [];
  const problems: DiscoveryProblem[] = [];
  const folders = readdirSync(benchDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const area of folders) {
    const index = path.join(benchDir, area, "index.ts");
    if (!existsSync(index)) continue; // helpers only (baseline pages, fixtures)
    try {
      const loaded = (await import(pathToFileURL(index).href)) as { benchmarks?: unknown };
      if (!isBenchmarkList(loaded.benchmarks)) {
        problems.push({ area, message: `${area}/index.ts does not export benchmarks: Benchmark[] ({ name, run() }).` });
        continue;
      }
      areas.push({ area, benchmarks: loaded.benchmarks });
    } catch (error) {
      problems.push({ area, message: `could not load ${area}/index.ts: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { areas, problems };
}

function isBenchmarkList(value: unknown): value is Benchmark[] {
  return (
    Array.isArray(value) &&
    value.every((b) => typeof b === "object" && b !== null && typeof (b as Benchmark).name === "string" && typeof (b as Benchmark).run === "function")
  );
}

/** `npm run bench -- users front-end` runs only the areas or benchmarks whose name contains a word. */
export function selectBenchmarks(areas: BenchArea[], filters: string[]): BenchArea[] {
  if (filters.length === 0) return areas;
  const matches = (text: string) => filters.some((f) => text.toLowerCase().includes(f.toLowerCase()));
  return areas
    .map((a) => ({ area: a.area, benchmarks: matches(a.area) ? a.benchmarks : a.benchmarks.filter((b) => matches(b.name)) }))
    .filter((a) => a.benchmarks.length > 0);
}
