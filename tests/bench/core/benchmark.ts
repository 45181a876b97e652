/**
 * The contract between `npm run bench` (tests/bench/run.ts) and the benchmark modules under
 * tests/bench/<area>/. A module's index.ts exports `benchmarks: Benchmark[]`; the runner runs
 * them one at a time (the machine has two cores) and judges every figure against its target.
 *
 * These machines are noisy, so a figure is judged as a ratio to a baseline measured in the
 * same run (bare handler, small org, minimal page) wherever a baseline makes sense; absolute
 * figures (store requests per call, rows in the DOM) say so with `of: "value"`.
 */
export interface Benchmark {
  name: string;
  run(): Promise<BenchResult>;
}

export interface BenchResult {
  figures: BenchFigure[];
  /** Anything a reader of the results should know (setup sizes, skipped parts). */
  notes?: string[];
}

export interface BenchFigure {
  /** e.g. "GET /api/me throughput". */
  name: string;
  unit: string;
  value: number;
  /** What `value` is compared with, measured in the same run. */
  baseline?: { label: string; value: number };
  target?: Target;
  /** The raw numbers behind the figure (p50, p99, counts...). */
  raw?: Record<string, number | string>;
}

/** `of: "ratio"` judges value / baseline.value; `of: "value"` judges the value itself. */
export interface Target {
  of: "ratio" | "value";
  op: ">=" | "<=";
  limit: number;
}

export type Verdict = "pass" | "miss" | "none";

export function ratioOf(figure: BenchFigure): number | undefined {
  if (!figure.baseline || figure.baseline.value === 0) return undefined;
  return figure.value / figure.baseline.value;
}

export function verdictOf(figure: BenchFigure): Verdict {
  const { target } = figure;
  if (!target) return "none";
  const measured = target.of === "ratio" ? ratioOf(figure) : figure.value;
  if (measured === undefined || !Number.isFinite(measured)) return "miss";
  return (target.op === ">=" ? measured >= target.limit : measured <= target.limit) ? "pass" : "miss";
}
