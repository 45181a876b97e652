import type { Benchmark } from "../core/benchmark";
import { assignRolesBenchmark } from "./assign-roles-benchmark";
import { licensedListBenchmark } from "./licensed-list-benchmark";

export const benchmarks: Benchmark[] = [assignRolesBenchmark, licensedListBenchmark];
