import type { Benchmark } from "../core/benchmark";
import { bundleSize } from "./bundle-size-benchmark";
import { firstRender } from "./first-render-benchmark";

export const benchmarks: Benchmark[] = [bundleSize, firstRender];
