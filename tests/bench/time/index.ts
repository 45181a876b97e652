import type { Benchmark } from "../core/benchmark";
import { formGroup } from "./form-group";
import { myWeekQuery } from "./my-week-query";

export const benchmarks: Benchmark[] = [myWeekQuery, formGroup];
