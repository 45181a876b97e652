import type { Benchmark } from "../core/benchmark";
import { assignRolesBenchmark } from "./assign-roles-benchmark";
import { groupRuleSyncBenchmark } from "./group-rule-sync-benchmark";
import { licensedListBenchmark } from "./licensed-list-benchmark";

export const benchmarks: Benchmark[] = [assignRolesBenchmark, licensedListBenchmark, groupRuleSyncBenchmark];
