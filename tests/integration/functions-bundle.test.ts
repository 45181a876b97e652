import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleFunctions } from "../../dev/build/functions-bundle";
import { REPO_ROOT } from "../../dev/repo-root";

// The deployable artifact, not the sources: what Azure would load must register our routes.
describe("the deployable Functions bundle", () => {
  const outDir = mkdtempSync(path.join(REPO_ROOT, "dist-test-functions-"));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("has host.json and a package.json whose main registers every route through @azure/functions-core", async () => {
    await bundleFunctions(REPO_ROOT, outDir);
    const pkg = JSON.parse(readFileSync(path.join(outDir, "package.json"), "utf8")) as { main: string };
    expect((JSON.parse(readFileSync(path.join(outDir, "host.json"), "utf8")) as { version: unknown }).version).toBe(
      "2.0",
    );
    const script =
      `require(${JSON.stringify(path.join(outDir, pkg.main))});` +
      `const r = require("@azure/functions-core").registry;` +
      `console.log(JSON.stringify([...r.functions.values()].map(f => Object.values(f.metadata.bindings).find(b => b.direction === "in").route ?? f.metadata.name)));`;
    const routes = JSON.parse(
      execFileSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, encoding: "utf8" }),
    ) as string[];
    expect(routes).toEqual(expect.arrayContaining(["health", "me"]));
  }, 120_000);
});
