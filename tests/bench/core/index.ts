import { apiOverhead } from "./api-overhead";
import type { Benchmark } from "./benchmark";

export const benchmarks: Benchmark[] = [apiOverhead];
