import type { Benchmark } from "../core/benchmark";
import { bundleSize } from "./bundle-size-benchmark";
import { firstRender } from "./first-render-benchmark";
import { permissionsAtScale } from "./permissions-benchmark";

export const benchmarks: Benchmark[] = [bundleSize, firstRender, permissionsAtScale];
