import { build } from "esbuild";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURES = fileURLToPath(new URL(".", import.meta.url));

export interface FixtureRepo {
  root: string;
  remove(): Promise<void>;
}

/**
 * A throwaway "repository" for the dev host: the probe manifest plus the probe
 * pages bundled (with the real SDK) into dist/web/, like `npm run build` does.
 */
export async function createFixtureRepo(): Promise<FixtureRepo> {
  const root = await mkdtemp(join(tmpdir(), "devhost-fixture-"));
  const web = join(root, "dist", "web");
  await mkdir(web, { recursive: true });
  await mkdir(join(root, "static"), { recursive: true });
  await copyFile(join(FIXTURES, "vss-extension.json"), join(root, "vss-extension.json"));
  for (const page of ["probe", "probe-action"]) {
    await copyFile(join(FIXTURES, "pages", `${page}.html`), join(web, `${page}.html`));
  }
  await build({
    entryPoints: [join(FIXTURES, "pages", "probe.ts"), join(FIXTURES, "pages", "probe-action.ts")],
    bundle: true,
    format: "iife",
    target: "es2022",
    outdir: web,
    logLevel: "silent",
  });
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
