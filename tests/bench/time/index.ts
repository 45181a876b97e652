import type { Benchmark } from "../core/benchmark";
import { myWeekQuery } from "./my-week-query";

export const benchmarks: Benchmark[] = [myWeekQuery];
