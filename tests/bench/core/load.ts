import { Worker } from "node:worker_threads";

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface WorkerReport {
  latencies: number[];
  /** Response count per HTTP status (-1: the request failed). */
  statuses: Record<string, number>;
  elapsedMs: number;
}

export interface LoadStats {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses that were not 2xx (or failed). */
  failures: number;
}

/** A bounded loopback load: a fixed concurrency for a fixed time, from a worker thread. */
export function runLoad(spec: LoadSpec): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(tsWorkerSource(new URL("./load-worker.ts", import.meta.url)), { eval: true, workerData: spec });
    worker.once("message", (report: WorkerReport) => resolve(report));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

/**
 * Worker threads do not inherit tsx's loader, so the worker registers it before importing
 * its TypeScript entry.
 */
function tsWorkerSource(entry: URL): string {
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  return `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Merges rounds of the same load (alternating rounds even out a noisy machine). */
export function summarise(rounds: WorkerReport[]): LoadStats {
  const sorted = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const elapsedMs = rounds.reduce((sum, r) => sum + r.elapsedMs, 0);
  let failures = 0;
  for (const round of rounds) {
    for (const [status, count] of Object.entries(round.statuses)) if (!/^2\d\d$/.test(status)) failures += count;
  }
  return {
    requests: sorted.length,
    perSecond: sorted.length / (elapsedMs / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    failures,
  };
}
