import { rm } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "../../../dev/build/build";
import { startBackendStack } from "../../../dev/stack";
import { startDevHost } from "../../../dev/host/server";
import type { BenchFigure, BenchResult, Benchmark } from "../core/benchmark";
import { percentile } from "../core/load";
import { BASELINE_NAME, buildPages } from "./build-pages";
import { launchBrowser } from "../../../dev/host/test-fixtures/browser";
import { makeDevHostRoot } from "./dev-host-root";
import { installRecorder, measureOnce, RENDER_CASES } from "./first-render";

const REPS = Number(process.env.BENCH_RENDER_REPS ?? 5);

async function run(): Promise<BenchResult> {
  const stack = await startBackendStack({ ports: "random" });
  const { root, webDir } = await makeDevHostRoot();
  const notes: string[] = [];
  try {
    await buildPages(webDir, stack.functions.url);
    const host = await startDevHost({
      port: 0,
      repoRoot: root,
      devopsUrl: stack.devops.url,
      apiUrl: stack.functions.url,
      // The dev variant's extension id, which the stand-in's app tokens are issued for.
      manifestOverridesFile: path.join(REPO_ROOT, "dev", "build", "dev-overrides.json"),
    });
    const browser = await launchBrowser();
    try {
      await installRecorder(browser.context);
      const samples = new Map<string, number[]>(RENDER_CASES.map((c) => [c.page, []]));
      // Round 0 warms the HTTP cache and creates the org; rounds alternate pages so drift hits all alike.
      let cases = RENDER_CASES;
      for (let round = 0; round <= REPS; round++) {
        const failed = new Set<string>();
        for (const c of cases) {
          try {
            const ms = await measureOnce(browser.context, host.url, c);
            if (round > 0) samples.get(c.page)!.push(ms);
          } catch (error) {
            failed.add(c.page);
            notes.push(`${c.page}: not measured in round ${round} (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
          }
        }
        // A page that does not render at all would only cost another timeout per round.
        if (round === 0) cases = cases.filter((c) => !failed.has(c.page));
      }
      const median = (page: string) => percentile([...samples.get(page)!].sort((a, b) => a - b), 50);
      const baseline = { label: "minimal azure-devops-ui page", value: median(BASELINE_NAME) };
      if (!Number.isFinite(baseline.value)) throw new Error(`The baseline page did not render: ${notes.join("; ")}`);
      const figures: BenchFigure[] = RENDER_CASES.filter((c) => c.page !== BASELINE_NAME && samples.get(c.page)!.length > 0).map((c) => ({
        name: `${c.page} load to first render`,
        unit: "ms",
        value: median(c.page),
        baseline,
        raw: { samples: samples.get(c.page)!.map((v) => Math.round(v)).join(" ") },
      }));
      notes.push(`headless Chromium, dev host, median of ${REPS} loads per page after a warm-up load; first render = the page's SDK notifyLoadSucceeded`);
      return { figures, notes };
    } finally {
      await browser.close();
      await host.stop();
    }
  } finally {
    await stack.stop();
    await rm(root, { recursive: true, force: true });
  }
}

export const firstRender: Benchmark = { name: "first-render", run };
