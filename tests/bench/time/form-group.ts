import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { REPO_ROOT } from "../../../dev/build/build";
import type { EntrySize } from "../../../dev/build/size-report";
import { startDevHost } from "../../../dev/host/server";
import { launchBrowser } from "../../../dev/host/test-fixtures/browser";
import { startBackendStack } from "../../../dev/stack";
import { api, signIn } from "../../integration/support/sign-in";
import type { BenchFigure, BenchResult, Benchmark } from "../core/benchmark";
import { percentile } from "../core/load";
import { BASELINE_NAME, buildPages } from "../front-end/build-pages";
import { makeDevHostRoot } from "../front-end/dev-host-root";
import { installButtonsRecorder, timeToShown } from "./buttons-shown";

const REPS = Number(process.env.BENCH_GROUP_REPS ?? 7);
const GROUP = "work-item-group";

const jsGzipBytes = (entry: EntrySize) =>
  entry.files
    .filter((f) => f.endsWith(".js"))
    .reduce((sum, f) => sum + gzipSync(readFileSync(path.join(REPO_ROOT, f))).length, 0);

/**
 * The work item form group, built like every page (`npm run build`), against the smallest
 * azure-devops-ui page built the same way (SDK handshake, one Header): its JavaScript size
 * (gzip; target <= 1.5x) and the time from the frame's navigation to the buttons being on
 * screen (the baseline: to its header), in headless Chromium in the dev host.
 */
async function run(): Promise<BenchResult> {
  const stack = await startBackendStack({ ports: "random" });
  const { root, webDir } = await makeDevHostRoot();
  try {
    const pages = await buildPages(webDir, stack.functions.url);
    const group = pages.contributions.find((e) => e.name === GROUP);
    if (!group) throw new Error(`The build has no ${GROUP} page.`);
    const sizeFigure: BenchFigure = {
      name: "form group JS (gzip)",
      unit: "kB",
      value: Math.round((jsGzipBytes(group) / 1024) * 10) / 10,
      baseline: {
        label: "minimal azure-devops-ui page",
        value: Math.round((jsGzipBytes(pages.baseline) / 1024) * 10) / 10,
      },
      target: { of: "ratio", op: "<=", limit: 1.5 },
      raw: { files: group.files.filter((f) => f.endsWith(".js")).length },
    };

    // A Team member who may track time (the org exists, so the first load is a warm one).
    const marcus = await signIn(stack, "fabrikam", "marcus.johnson@fabrikam.example");
    await api(stack, marcus, "GET", "me");
    const host = await startDevHost({
      port: 0,
      repoRoot: root,
      devopsUrl: stack.devops.url,
      apiUrl: stack.functions.url,
      manifestOverridesFile: path.join(REPO_ROOT, "dev", "build", "dev-overrides.json"),
    });
    const browser = await launchBrowser();
    try {
      await installButtonsRecorder(browser.context);
      const url = (route: string) => `${host.url}/?org=fabrikam&user=marcus.johnson@fabrikam.example${route}`;
      const samples = { group: [] as number[], baseline: [] as number[] };
      for (let round = 0; round <= REPS; round++) {
        const g = await timeToShown(browser.context, url("#/workitem/3"), `/${GROUP}.html`);
        const b = await timeToShown(browser.context, url(`#/hub/${BASELINE_NAME}`), `/${BASELINE_NAME}.html`);
        if (round > 0) {
          samples.group.push(g);
          samples.baseline.push(b);
        }
      }
      const median = (v: number[]) =>
        Math.round(
          percentile(
            [...v].sort((a, b) => a - b),
            50,
          ),
        );
      const timeFigure: BenchFigure = {
        name: "form group: frame load to buttons shown",
        unit: "ms",
        value: median(samples.group),
        baseline: { label: "minimal page: frame load to header shown", value: median(samples.baseline) },
        raw: { group: samples.group.map(Math.round).join(" "), baseline: samples.baseline.map(Math.round).join(" ") },
      };
      return {
        figures: [sizeFigure, timeFigure],
        notes: [
          `sizes: every JS file the page loads statically, gzip; times: headless Chromium in the dev host, median of ${REPS} loads after a warm-up, alternating with the baseline`,
          "the group's time includes its one backend call (GET /api/time/context) and the SDK's form service calls; the baseline makes none",
        ],
      };
    } finally {
      await browser.close();
      await host.stop();
    }
  } finally {
    await stack.stop();
    await rm(root, { recursive: true, force: true });
  }
}

export const formGroup: Benchmark = { name: "form-group", run };
