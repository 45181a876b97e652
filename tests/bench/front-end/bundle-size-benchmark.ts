import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BenchResult, Benchmark } from "../core/benchmark";
import { buildPages } from "./build-pages";
import { sizeFigures } from "./sizes";

async function run(): Promise<BenchResult> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), "tt-bench-web-"));
  try {
    return sizeFigures(await buildPages(outDir, "http://127.0.0.1:7071"));
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

export const bundleSize: Benchmark = { name: "bundle-size", run };
