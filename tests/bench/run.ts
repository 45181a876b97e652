/**
 * `npm run bench [-- <area or benchmark name>...]`: runs every benchmark module under
 * tests/bench/<area>/index.ts one after the other, prints a table and writes
 * bench/results.json. A missed target is reported, not a failure; a benchmark that cannot
 * run is reported and makes the exit code 1. Never part of `npm test`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { discoverAreas, selectBenchmarks } from "./core/discover";
import { buildReport, figureRecord, formatTable, type BenchmarkRecord } from "./core/report";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = path.join(BENCH_DIR, "..", "..", "bench", "results.json");

async function main(): Promise<void> {
  const started = new Date();
  const { areas, problems } = await discoverAreas(BENCH_DIR);
  const selected = selectBenchmarks(areas, process.argv.slice(2));
  const records: BenchmarkRecord[] = [];
  for (const { area, benchmarks } of selected) {
    for (const benchmark of benchmarks) {
      process.stdout.write(`${area}/${benchmark.name} ... `);
      const t0 = performance.now();
      const record: BenchmarkRecord = { area, name: benchmark.name, durationMs: 0, figures: [], notes: [] };
      // Stacks publish their app settings in process.env; each benchmark starts from the same environment.
      const env = { ...process.env };
      try {
        const result = await benchmark.run();
        record.figures = result.figures.map(figureRecord);
        record.notes = result.notes ?? [];
      } catch (error) {
        record.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
      } finally {
        restoreEnv(env);
      }
      record.durationMs = Math.round(performance.now() - t0);
      records.push(record);
      console.log(record.error === undefined ? `${(record.durationMs / 1000).toFixed(1)} s` : "failed");
    }
  }
  const report = buildReport(records, problems, started);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, JSON.stringify(report, null, 2) + "\n");
  console.log("\n" + formatTable(report));
  for (const r of records) for (const note of r.notes) console.log(`note (${r.area}/${r.name}): ${note}`);
  console.log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
  if (report.summary.errors > 0) process.exitCode = 1;
}

function restoreEnv(saved: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
