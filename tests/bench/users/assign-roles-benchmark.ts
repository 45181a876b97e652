import type { OperationInput } from "@azure/cosmos";
import { executeBulk } from "../../../functions/adapters/cosmos/cosmos-bulk";
import { memberDocument } from "../../../functions/adapters/cosmos/cosmos-member-document";
import type { MemberRecord } from "../../../functions/domain/member";
import { api } from "../../integration/support/sign-in";
import type { BenchFigure, BenchResult, Benchmark } from "../core/benchmark";
import { medianMs, startUsersBench, store } from "./bench-stack";
import { seedMembers } from "./seed-members";

const SIZES = [1_000, 10_000];
const SAMPLES = Number(process.env.BENCH_ASSIGN_SAMPLES ?? 5);
const ROLES = ["Product", "Budget"] as const;

/**
 * POST /api/users/roles for 1,000 and 10,000 members in one request (every member's role
 * changes), against writing the same documents with raw bulk operations on the same store
 * (batches of 100, 8 in flight, as the API's adapter sends them). The API also reads the
 * members first (old roles, etags), reserves and releases seats on the ledger and writes
 * the audit trail: target ≤ 2× the raw writes.
 */
async function run(): Promise<BenchResult> {
  const bench = await startUsersBench();
  try {
    const orgId = bench.priya.org.id;
    const { members } = await store().db.containers();
    const figures: BenchFigure[] = [];
    let seeded: string[] = [];
    for (const size of SIZES) {
      seeded = [...seeded, ...(await seedMembers(orgId, size - seeded.length, "Team", `Bench ${size}`))];
      const ids = seeded.slice(0, size);
      const viaApi = await medianMs(SAMPLES, 1, async (i) => {
        const answer = await api<{ changed: number }>(bench.stack, bench.priya, "POST", "users/roles", { role: ROLES[i % 2], userIds: ids });
        if (answer.status !== 200 || answer.body.changed !== size) throw new Error(`POST /api/users/roles answered ${answer.status}, changed ${answer.body.changed}`);
      });
      const raw = await medianMs(SAMPLES, 1, async (i) => {
        const now = new Date().toISOString();
        const operations: OperationInput[] = ids.map((userId, n) => {
          const member: MemberRecord = { orgId, userId, role: ROLES[i % 2], direct: ROLES[i % 2], grants: [], displayName: `Bench User ${n}`, email: `bench.${n}@fabrikam.example`, uniqueName: `bench.${n}@fabrikam.example`, updatedAt: now, updatedBy: "bench" };
          return { operationType: "Upsert", partitionKey: orgId, resourceBody: memberDocument(member) as unknown as Record<string, never> };
        });
        const results = await executeBulk("Raw bulk writes", members, operations);
        if (results.some((r) => r.statusCode >= 400)) throw new Error("Raw bulk writes failed.");
      });
      figures.push({
        name: `assign a role to ${size.toLocaleString("en")} users in one request`,
        unit: "ms",
        value: viaApi.median,
        baseline: { label: "raw bulk writes of the same documents", value: raw.median },
        target: { of: "ratio", op: "<=", limit: 2 },
        raw: { apiSamplesMs: viaApi.all.join(" "), rawSamplesMs: raw.all.join(" "), users: size },
      });
    }
    return {
      figures,
      notes: [
        `median of ${SAMPLES} requests after one warm-up, each changing every member's role (Product and Budget alternately); embedded Cosmos in its own process`,
        "the API's request is one HTTP call: bulk reads of the members (old roles, etags), then one transactional batch per 98 members with the seat ledger and the audit entry (written one after another: each moves the ledger's etag)",
      ],
    };
  } finally {
    await bench.stop();
  }
}

export const assignRolesBenchmark: Benchmark = { name: "users-assign-roles", run };
