/**
 * Runs in a worker thread so the load generator does not share an event loop with the
 * Functions host it measures: `concurrency` loops each send one request at a time over a
 * keep-alive connection until the duration is over.
 */
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import type { LoadSpec, WorkerReport } from "./load";

const spec = workerData as LoadSpec;
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });

function once(): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(spec.url, { agent, headers: spec.headers }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

async function loop(until: number, latencies: number[], statuses: Map<number, number>): Promise<void> {
  while (performance.now() < until) {
    const t0 = performance.now();
    const status = await once().catch(() => -1);
    latencies.push(performance.now() - t0);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
}

async function main(): Promise<WorkerReport> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  // Warm-up: connections open, JIT warm, caches filled; not measured.
  await Promise.all(Array.from({ length: spec.concurrency }, () => loop(performance.now() + spec.warmupMs, [], new Map())));
  const started = performance.now();
  await Promise.all(Array.from({ length: spec.concurrency }, () => loop(started + spec.durationMs, latencies, statuses)));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { latencies, statuses: Object.fromEntries(statuses), elapsedMs };
}

main().then(
  (report) => parentPort?.postMessage(report),
  (error: unknown) => {
    throw error;
  },
);
