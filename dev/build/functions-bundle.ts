import { build } from "esbuild";
import { mkdir, copyFile, writeFile, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Bundles the Functions app into one CommonJS file with its dependencies, the deployable
 * folder `dist/functions/` (host.json, package.json with `main`, dist/index.js), ready for
 * `func azure functionapp publish` or a zip deploy. `@azure/functions-core` stays external:
 * the Azure Functions worker provides it at run time.
 */
export async function bundleFunctions(
  repoRoot: string,
  outDir = path.join(repoRoot, "dist", "functions"),
): Promise<string> {
  await mkdir(path.join(outDir, "dist"), { recursive: true });
  await build({
    entryPoints: [path.join(repoRoot, "functions", "index.ts")],
    outfile: path.join(outDir, "dist", "index.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: true,
    minify: false,
    external: ["@azure/functions-core"],
    logLevel: "warning",
  });
  await copyFile(path.join(repoRoot, "functions", "host.json"), path.join(outDir, "host.json"));
  const root = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
  await writeFile(
    path.join(outDir, "package.json"),
    JSON.stringify(
      { name: "timetracker-functions", version: root.version, private: true, main: "dist/index.js" },
      null,
      2,
    ) + "\n",
  );
  return outDir;
}
