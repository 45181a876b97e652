import { app } from "../../../functions/http/azure-functions";
import { RECENT_READ_MS } from "../../../functions/ports/org-store";
import { startBackendStack, type BackendStack } from "../../../dev/stack";
import { api, signIn, type SignedIn } from "../../integration/support/sign-in";
import type { BenchFigure, BenchResult, Benchmark } from "./benchmark";
import { startCosmosProcess, type CosmosProcess } from "./cosmos-process";
import { runLoad, summarise, type LoadStats, type WorkerReport } from "./load";

const CONCURRENCY = 16;
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 3_000);
const ROUNDS = 2;
const COUNTED_CALLS = 50;
const BARE_ROUTE = "bench/bare";

let bareRegistered = false;

/**
 * A handler that returns a constant, registered in this process only and before the host
 * starts, so it is served by the same host, over the same HTTP stack, as /api/me: the
 * difference between the two is what authentication, org binding and role resolution cost.
 */
function registerBareHandler(): void {
  if (bareRegistered) return;
  app.http("bench-bare", {
    methods: ["GET"],
    route: BARE_ROUTE,
    authLevel: "anonymous",
    handler: async () => ({ status: 200, jsonBody: { ok: true } }),
  });
  bareRegistered = true;
}

/** Counts the backend's own outbound fetches to Azure DevOps (the load runs in a worker, so it is not counted). */
function countFetches(prefix: string): { count(): number; restore(): void } {
  const original = globalThis.fetch;
  let count = 0;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(prefix)) count += 1;
    return original(input, init);
  };
  return { count: () => count, restore: () => void (globalThis.fetch = original) };
}

async function perCallCounts(
  stack: BackendStack,
  cosmos: CosmosProcess,
  who: SignedIn,
): Promise<{ store: number; devops: number }> {
  const fetches = countFetches(stack.devops.url);
  try {
    const before = await cosmos.requestCount();
    for (let i = 0; i < COUNTED_CALLS; i++) {
      const response = await api(stack, who, "GET", "me");
      if (response.status !== 200) throw new Error(`GET /api/me answered ${response.status}`);
    }
    return { store: ((await cosmos.requestCount()) - before) / COUNTED_CALLS, devops: fetches.count() / COUNTED_CALLS };
  } finally {
    fetches.restore();
  }
}

async function alternatingLoad(stack: BackendStack, who: SignedIn): Promise<{ bare: LoadStats; me: LoadStats }> {
  const bare: WorkerReport[] = [];
  const me: WorkerReport[] = [];
  const spec = { concurrency: CONCURRENCY, warmupMs: 500, durationMs: ROUND_MS };
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(await runLoad({ ...spec, url: `${stack.functions.url}/api/${BARE_ROUTE}`, headers: {} }));
    me.push(await runLoad({ ...spec, url: `${stack.functions.url}/api/me`, headers: who.headers }));
  }
  return { bare: summarise(bare), me: summarise(me) };
}

function latencyRaw(stats: LoadStats): Record<string, number> {
  return {
    requests: stats.requests,
    perSecond: Math.round(stats.perSecond),
    p50Ms: stats.p50Ms,
    p99Ms: stats.p99Ms,
    failures: stats.failures,
  };
}

async function run(): Promise<BenchResult> {
  registerBareHandler();
  // The store in a process of its own, as in production, so its CPU is not billed to the
  // measured host (the stack then starts no embedded one of its own).
  const cosmos = await startCosmosProcess();
  const stack = await startBackendStack({
    ports: "random",
    cosmos: { endpoint: cosmos.endpoint, key: cosmos.key },
  }).catch(async (error: unknown) => {
    await cosmos.stop();
    throw error;
  });
  try {
    const who = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
    // The first call creates the org; the next ones are the warm path every page call takes.
    for (let i = 0; i < 3; i++) await api(stack, who, "GET", "me");
    const counts = await perCallCounts(stack, cosmos, who);
    // Zero would mean the app reads another store (or caches everything): say so rather than report it as a win.
    if (counts.store === 0 && (await cosmos.requestCount()) === 0)
      throw new Error("The Functions app never reached the benchmark's store.");
    const { bare, me } = await alternatingLoad(stack, who);
    if (me.failures > 0 || bare.failures > 0) {
      throw new Error(`Requests failed under load: /api/me ${me.failures}, bare ${bare.failures}.`);
    }
    const baseline = (value: number) => ({ label: "bare handler", value });
    const raw = {
      ...prefixed("me", latencyRaw(me)),
      ...prefixed("bare", latencyRaw(bare)),
      concurrency: CONCURRENCY,
      roundMs: ROUND_MS,
      rounds: ROUNDS,
    };
    const figures: BenchFigure[] = [
      {
        name: "GET /api/me throughput",
        unit: "req/s",
        value: me.perSecond,
        baseline: baseline(bare.perSecond),
        target: { of: "ratio", op: ">=", limit: 0.5 },
        raw,
      },
      { name: "GET /api/me p50 latency", unit: "ms", value: me.p50Ms, baseline: baseline(bare.p50Ms) },
      { name: "GET /api/me p99 latency", unit: "ms", value: me.p99Ms, baseline: baseline(bare.p99Ms) },
      {
        name: "store requests per warm call",
        unit: "req",
        value: counts.store,
        target: { of: "value", op: "<=", limit: 1 },
        raw: { calls: COUNTED_CALLS },
      },
      { name: "Azure DevOps calls per warm call", unit: "req", value: counts.devops, raw: { calls: COUNTED_CALLS } },
    ];
    return {
      figures,
      notes: [
        `loopback, concurrency ${CONCURRENCY}, ${ROUNDS} alternating rounds of ${ROUND_MS} ms per endpoint; load from a worker thread, the embedded Cosmos in its own process`,
        `a GET's access check uses this instance's copy of the org and member (at most ${RECENT_READ_MS / 1000} s old, dropped by this instance's writes), so the warm path reads no store; a request that writes reads both (2 point reads in parallel)`,
      ],
    };
  } finally {
    await stack.stop();
    await cosmos.stop();
  }
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`${prefix}.${k}`, v]));
}

export const apiOverhead: Benchmark = { name: "api-overhead", run };
