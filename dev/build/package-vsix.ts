// `npm run package`: builds the front end, then packages two .vsix files with the local tfx
// (offline): the production extension and the dev variant (dev-overrides.json: own id, not
// public, assets served from the local dev host through baseUri).
import { execFile } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { buildFrontEnd, DEFAULT_API_BASE_URL, REPO_ROOT } from "./build";
import { formatSizeReport } from "./size-report";

export const VSIX_OUT_DIR = path.join(REPO_ROOT, "dist", "vsix");
export const MANIFEST_FILE = path.join(REPO_ROOT, "vss-extension.json");
export const DEV_OVERRIDES_FILE = path.join(REPO_ROOT, "dev", "build", "dev-overrides.json");

const TFX = path.join(REPO_ROOT, "node_modules", ".bin", "tfx");

export interface PackagedVsix {
  variant: "production" | "dev";
  path: string;
  publisher: string;
  extensionId: string;
  version: string;
}

/** Runs `tfx extension create` for one variant and returns what it wrote. */
export async function createVsix(variant: PackagedVsix["variant"], outDir = VSIX_OUT_DIR): Promise<PackagedVsix> {
  const args = [
    "extension",
    "create",
    "--root",
    REPO_ROOT,
    "--manifests",
    MANIFEST_FILE,
    "--output-path",
    outDir,
    "--no-prompt",
    "--no-color",
    "--json",
  ];
  if (variant === "dev") args.push("--overrides-file", DEV_OVERRIDES_FILE);
  const { stdout } = await promisify(execFile)(TFX, args, { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
  const report: unknown = JSON.parse(stdout);
  if (!isTfxReport(report)) throw new Error(`Unexpected tfx output: ${stdout}`);
  return {
    variant,
    path: report.path,
    publisher: report.publisher,
    extensionId: report.extensionId,
    version: report.version,
  };
}

function isTfxReport(
  value: unknown,
): value is { path: string; publisher: string; extensionId: string; version: string } {
  if (typeof value !== "object" || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ["path", "publisher", "extensionId", "version"].every((key) => typeof fields[key] === "string");
}

async function main(): Promise<void> {
  const build = await buildFrontEnd({ apiBaseUrl: process.env.TT_API_BASE_URL ?? DEFAULT_API_BASE_URL });
  console.log(formatSizeReport(build.sizes, path.join(REPO_ROOT, "dist", "web")));
  rmSync(VSIX_OUT_DIR, { recursive: true, force: true });
  mkdirSync(VSIX_OUT_DIR, { recursive: true });
  // Sequential: tfx stages files in a temp folder and the machine has two cores.
  for (const variant of ["production", "dev"] as const) {
    const vsix = await createVsix(variant);
    console.log(
      `${variant.padEnd(10)} ${vsix.publisher}.${vsix.extensionId} ${vsix.version}: ${path.relative(process.cwd(), vsix.path)}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
