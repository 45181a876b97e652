import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../../../dev/build/build";
import { BASELINE_NAME } from "./build-pages";

export const BASELINE_CONTRIBUTION_ID = "timetracker-bench-baseline";

/**
 * A throwaway repository root for the dev host: our manifest plus the baseline page as one
 * more project hub, a dist/web/ to build into, and the real static/. The repository's own
 * dist/ is left alone (a developer's `npm start` may be serving it).
 */
export async function makeDevHostRoot(): Promise<{ root: string; webDir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "tt-bench-root-"));
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, "vss-extension.json"), "utf8")) as {
    contributions: unknown[];
  };
  manifest.contributions.push({
    id: BASELINE_CONTRIBUTION_ID,
    type: "ms.vss-web.hub",
    targets: ["ms.vss-work-web.work-hub-group"],
    properties: { name: "Baseline", uri: `dist/web/${BASELINE_NAME}/${BASELINE_NAME}.html` },
  });
  writeFileSync(path.join(root, "vss-extension.json"), JSON.stringify(manifest, null, 2));
  symlinkSync(path.join(REPO_ROOT, "static"), path.join(root, "static"));
  const webDir = path.join(root, "dist", "web");
  mkdirSync(webDir, { recursive: true });
  return { root, webDir };
}
