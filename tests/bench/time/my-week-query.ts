import { startBackendStack, type BackendStack } from "../../../dev/stack";
import { CosmosWorklogStore } from "../../../functions/adapters/cosmos/cosmos-worklog-store";
import { services } from "../../../functions/app/services";
import type { ListWorklogsResponse } from "../../../functions/contracts/time";
import { api, signIn, type SignedIn } from "../../integration/support/sign-in";
import type { BenchFigure, BenchResult, Benchmark } from "../core/benchmark";
import { percentile } from "../core/load";
import { seedWorklogs, type SeedOwner } from "./seed-worklogs";

const SMALL_ORG = 100;
const LARGE_ORG = 10_000;
/** The measured user's own worklogs in the measured week: the same in both orgs. */
const MY_WEEK_ENTRIES = 20;
const ROUNDS = Number(process.env.BENCH_WEEK_ROUNDS ?? 8);
const CALLS_PER_ROUND = 10;
const WEEK = { from: "2026-03-02", to: "2026-03-08" };

/** Spreads the other worklogs over a year, so the org's history dwarfs one week. */
const historyStart = (i: number) => {
  const day = new Date(Date.UTC(2025, 2, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${String(8 + (i % 9)).padStart(2, "0")}:00:00+01:00`;
};
const myWeekStart = (i: number) => `2026-03-0${2 + (i % 5)}T${String(9 + (i % 6)).padStart(2, "0")}:00:00+01:00`;

async function weekCalls(stack: BackendStack, who: SignedIn, calls: number): Promise<number[]> {
  const path = `worklogs?from=${WEEK.from}&to=${WEEK.to}&order=asc`;
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    const response = await api<ListWorklogsResponse>(stack, who, "GET", path);
    samples.push(performance.now() - t0);
    if (response.status !== 200) throw new Error(`GET /api/${path} answered ${response.status}`);
    if (response.body.worklogs.length !== MY_WEEK_ENTRIES) {
      throw new Error(`expected ${MY_WEEK_ENTRIES} worklogs in the week, got ${response.body.worklogs.length}`);
    }
  }
  return samples;
}

/** An org with `total` worklogs, `MY_WEEK_ENTRIES` of them in the measured user's week. */
async function seedOrg(store: CosmosWorklogStore, stack: BackendStack, org: string, users: string[], total: number): Promise<SignedIn> {
  const sessions = await Promise.all(users.map((u) => signIn(stack, org, `${u}@${org}.example`)));
  for (const who of sessions) await api(stack, who, "GET", "me");
  const owners: SeedOwner[] = sessions.map((s) => ({ userId: s.user.id, displayName: s.user.displayName }));
  const me = sessions[0];
  await seedWorklogs(store, me.org.id, owners.slice(0, 1), MY_WEEK_ENTRIES, myWeekStart);
  await seedWorklogs(store, me.org.id, owners, total - MY_WEEK_ENTRIES, historyStart);
  return me;
}

/**
 * "My time" for one user in an org with 100 worklogs (contoso) and in one with 10,000
 * (fabrikam), measured in alternating rounds so drift hits both alike. Target: the large
 * org's median within 2x the small one's.
 */
async function run(): Promise<BenchResult> {
  const stack = await startBackendStack({ ports: "random" });
  try {
    const store = new CosmosWorklogStore(services().db);
    const small = await seedOrg(store, stack, "contoso", ["alex.rivera", "jordan.blake", "sam.taylor"], SMALL_ORG);
    const large = await seedOrg(store, stack, "fabrikam", ["priya.patel", "marcus.johnson", "mei.chen", "jonas.mueller"], LARGE_ORG);
    await weekCalls(stack, small, 10);
    await weekCalls(stack, large, 10);
    const samples = { small: [] as number[], large: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      samples.small.push(...(await weekCalls(stack, small, CALLS_PER_ROUND)));
      samples.large.push(...(await weekCalls(stack, large, CALLS_PER_ROUND)));
    }
    const p = (values: number[], q: number) => Math.round(percentile([...values].sort((a, b) => a - b), q) * 100) / 100;
    const figures: BenchFigure[] = [
      {
        name: `my-week query, ${LARGE_ORG.toLocaleString("en")} worklogs in the org`,
        unit: "ms",
        value: p(samples.large, 50),
        baseline: { label: `${SMALL_ORG} worklogs in the org`, value: p(samples.small, 50) },
        target: { of: "ratio", op: "<=", limit: 2 },
        raw: { smallP90: p(samples.small, 90), largeP90: p(samples.large, 90), calls: samples.large.length },
      },
    ];
    return {
      figures,
      notes: [
        `GET /api/worklogs for one user's week (${MY_WEEK_ENTRIES} entries) over loopback; medians of ${ROUNDS} alternating rounds of ${CALLS_PER_ROUND} calls after warm-up`,
        "the week is read through the per-user week index (point reads): the embedded emulator evaluates every SQL query by scanning the whole container, so a query-based week would grow with the org there",
      ],
    };
  } finally {
    await stack.stop();
  }
}

export const myWeekQuery: Benchmark = { name: "my-week-query", run };
