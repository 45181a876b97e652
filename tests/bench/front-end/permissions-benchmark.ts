import { rm } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "../../../dev/build/build";
import { startDevHost } from "../../../dev/host/server";
import { launchBrowser } from "../../../dev/host/test-fixtures/browser";
import { startBackendStack } from "../../../dev/stack";
import type { BenchResult, Benchmark } from "../core/benchmark";
import { percentile } from "../core/load";
import { buildPages } from "./build-pages";
import { makeDevHostRoot } from "./dev-host-root";
import { licenseMembers, loadPermissions, type PermissionsLoad } from "./permissions-scale";

const SMALL = { org: "contoso", email: "alex.rivera@contoso.example", licensed: 50 };
const LARGE = { org: "fabrikam", email: "priya.patel@fabrikam.example", licensed: 5_000 };
const REPS = Number(process.env.BENCH_RENDER_REPS ?? 5);
/** A virtualised table renders what is in view plus some slack, never the whole org. */
const MAX_ROWS_IN_DOM = 250;

async function run(): Promise<BenchResult> {
  const stack = await startBackendStack({ ports: "random" });
  const { root, webDir } = await makeDevHostRoot();
  try {
    await licenseMembers(stack, SMALL.org, SMALL.email, SMALL.licensed);
    await licenseMembers(stack, LARGE.org, LARGE.email, LARGE.licensed);
    await buildPages(webDir, stack.functions.url);
    const host = await startDevHost({
      port: 0,
      repoRoot: root,
      devopsUrl: stack.devops.url,
      apiUrl: stack.functions.url,
      manifestOverridesFile: path.join(REPO_ROOT, "dev", "build", "dev-overrides.json"),
    });
    const browser = await launchBrowser();
    try {
      const samples: Record<"small" | "large", PermissionsLoad[]> = { small: [], large: [] };
      // Round 0 warms the HTTP cache; then the two orgs alternate so drift hits both alike.
      for (let round = 0; round <= REPS; round++) {
        const small = await loadPermissions(browser.context, host.url, SMALL.org, SMALL.email);
        const large = await loadPermissions(browser.context, host.url, LARGE.org, LARGE.email);
        if (round > 0) {
          samples.small.push(small);
          samples.large.push(large);
        }
      }
      const median = (loads: PermissionsLoad[], pick: (l: PermissionsLoad) => number) => percentile(loads.map(pick).sort((a, b) => a - b), 50);
      const label = `${SMALL.licensed} members`;
      return {
        figures: [
          {
            name: `Permissions page load to first rows, ${LARGE.licensed.toLocaleString("en")} members`,
            unit: "ms",
            value: median(samples.large, (l) => l.firstRowsMs),
            baseline: { label, value: median(samples.small, (l) => l.firstRowsMs) },
            raw: { large: samples.large.map((l) => Math.round(l.firstRowsMs)).join(" "), small: samples.small.map((l) => Math.round(l.firstRowsMs)).join(" ") },
          },
          {
            name: `Permissions page table rows in the DOM, ${LARGE.licensed.toLocaleString("en")} members`,
            unit: "rows",
            value: median(samples.large, (l) => l.rowsInDom),
            baseline: { label, value: median(samples.small, (l) => l.rowsInDom) },
            target: { of: "value", op: "<=", limit: MAX_ROWS_IN_DOM },
          },
        ],
        notes: [`headless Chromium, dev host, median of ${REPS} loads per org; rows counted once the page is idle (header row included)`],
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

export const permissionsAtScale: Benchmark = { name: "permissions-5000", run };
