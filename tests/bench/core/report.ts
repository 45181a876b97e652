import os from "node:os";
import { ratioOf, verdictOf, type BenchFigure, type Target, type Verdict } from "./benchmark";

export interface FigureRecord extends BenchFigure {
  ratio: number | null;
  verdict: Verdict;
}

export interface BenchmarkRecord {
  area: string;
  name: string;
  durationMs: number;
  figures: FigureRecord[];
  notes: string[];
  /** Set when the benchmark could not run to the end. */
  error?: string;
}

export interface BenchReport {
  date: string;
  machine: { cores: number; cpu: string; memoryGiB: number; node: string; platform: string };
  benchmarks: BenchmarkRecord[];
  problems: { area: string; message: string }[];
  summary: { pass: number; miss: number; errors: number };
}

export function figureRecord(figure: BenchFigure): FigureRecord {
  return { ...figure, ratio: ratioOf(figure) ?? null, verdict: verdictOf(figure) };
}

export function buildReport(benchmarks: BenchmarkRecord[], problems: BenchReport["problems"], date: Date): BenchReport {
  const figures = benchmarks.flatMap((b) => b.figures);
  return {
    date: date.toISOString(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    benchmarks,
    problems,
    summary: {
      pass: figures.filter((f) => f.verdict === "pass").length,
      miss: figures.filter((f) => f.verdict === "miss").length,
      errors: benchmarks.filter((b) => b.error !== undefined).length + problems.length,
    },
  };
}

function number(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString("en-US", { maximumFractionDigits: digits });
}

function targetText(target: Target | undefined): string {
  if (!target) return "";
  return `${target.of === "ratio" ? "ratio" : "value"} ${target.op} ${number(target.limit)}`;
}

const MARK: Record<Verdict, string> = { pass: "pass", miss: "MISS", none: "" };

/** A plain-text table: one row per figure, grouped by benchmark. */
export function formatTable(report: BenchReport): string {
  const header = ["benchmark", "figure", "value", "baseline", "ratio", "target", ""];
  const rows: string[][] = [];
  for (const b of report.benchmarks) {
    if (b.error !== undefined) rows.push([`${b.area}/${b.name}`, "ERROR", b.error.split("\n")[0].slice(0, 90), "", "", "", ""]);
    for (const f of b.figures) {
      rows.push([
        `${b.area}/${b.name}`,
        f.name,
        `${number(f.value)} ${f.unit}`,
        f.baseline ? `${number(f.baseline.value)} (${f.baseline.label})` : "",
        f.ratio === null ? "" : number(f.ratio),
        targetText(f.target),
        MARK[f.verdict],
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  const { machine, summary } = report;
  return [
    `Node ${machine.node}, ${machine.cores} cores (${machine.cpu}), ${machine.platform}, ${report.date}`,
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    ...report.problems.map((p) => `problem in ${p.area}: ${p.message}`),
    `${summary.pass} targets met, ${summary.miss} missed, ${summary.errors} benchmarks failed to run.`,
  ].join("\n");
}
