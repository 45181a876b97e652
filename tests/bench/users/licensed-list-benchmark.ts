import type { ListMembersResponse, UsersOverviewResponse } from "../../../functions/contracts/users";
import { services } from "../../../functions/app/services";
import { seatSummary } from "../../../functions/use-cases/users/member-views";
import { api } from "../../integration/support/sign-in";
import type { BenchFigure, BenchResult, Benchmark } from "../core/benchmark";
import { medianMs, startUsersBench, type UsersBench } from "./bench-stack";
import { seedMembers } from "./seed-members";

const SMALL = 100;
const LARGE = Number(process.env.BENCH_LARGE_ORG ?? 100_000);
const SAMPLES = Number(process.env.BENCH_LIST_SAMPLES ?? 15);

async function measure(bench: UsersBench): Promise<{ list: number; overview: number; seats: number; listSamples: number[] }> {
  const list = await medianMs(SAMPLES, 3, async () => {
    const answer = await api<ListMembersResponse>(bench.stack, bench.priya, "GET", "users/licensed");
    if (answer.status !== 200 || answer.body.members.length !== 100) throw new Error(`GET /api/users/licensed answered ${answer.status}`);
  });
  const overview = await medianMs(SAMPLES, 3, async () => {
    const answer = await api<UsersOverviewResponse>(bench.stack, bench.priya, "GET", "users/overview");
    if (answer.status !== 200) throw new Error(`GET /api/users/overview answered ${answer.status}`);
  });
  const org = (await services().orgs.get(bench.priya.org.id))!.value;
  const seats = await medianMs(SAMPLES, 3, async () => {
    await seatSummary(services().users, org);
  });
  return { list: list.median, overview: overview.median, seats: seats.median, listSamples: list.all };
}

/**
 * The Permissions page's first request pair at 100 and at 100,000 members: the first page of
 * the licensed list (one ORDER BY query with a continuation token) and the seat count (a
 * point read of the seat ledger). Target: large / small ≤ 2.
 */
async function run(): Promise<BenchResult> {
  const bench = await startUsersBench();
  try {
    const orgId = bench.priya.org.id;
    await seedMembers(orgId, SMALL - 1, "Team", "Bench User");
    const small = await measure(bench);
    await seedMembers(orgId, LARGE - SMALL, "Team", "Member");
    const large = await measure(bench);
    const size = (n: number) => `${n.toLocaleString("en")} members`;
    const figures: BenchFigure[] = [
      {
        name: `licensed list, first page, ${size(LARGE)}`,
        unit: "ms",
        value: large.list,
        baseline: { label: size(SMALL), value: small.list },
        target: { of: "ratio", op: "<=", limit: 2 },
        raw: { smallSamplesMs: small.listSamples.join(" "), largeSamplesMs: large.listSamples.join(" ") },
      },
      {
        name: `seat count (seat ledger), ${size(LARGE)}`,
        unit: "ms",
        value: large.seats,
        baseline: { label: size(SMALL), value: small.seats },
        target: { of: "ratio", op: "<=", limit: 2 },
      },
      {
        name: `GET /api/users/overview (sign-in warm path + seat count), ${size(LARGE)}`,
        unit: "ms",
        value: large.overview,
        baseline: { label: size(SMALL), value: small.overview },
      },
    ];
    return {
      figures,
      notes: [
        `median of ${SAMPLES} calls after 3 warm-ups; embedded Cosmos in its own process`,
        "the seat count is one point read of the org's seat ledger at any size; the first page is one ORDER BY query with a continuation token, which Cosmos DB serves from the range index, reading one page",
        "the embedded emulator evaluates every SQL query by scanning and sorting the whole container, so in this run any query grows with the org, the licensed list's included; point reads (the seat ledger, the org and the caller's member) do not",
      ],
    };
  } finally {
    await bench.stop();
  }
}

export const licensedListBenchmark: Benchmark = { name: "users-licensed-list", run };
