import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFrontEnd, type BuildResult } from "./build";

const outDir = mkdtempSync(path.join(tmpdir(), "tt-web-"));
let result: BuildResult;

const outputsContaining = (needle: string) =>
  readdirSync(outDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js"))
    .filter((f) => readFileSync(path.join(outDir, f), "utf8").includes(needle));

describe("front-end build", () => {
  beforeAll(async () => {
    result = await buildFrontEnd({ apiBaseUrl: "https://tt-api.example.test/", outDir });
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("writes an HTML shell per page whose script and stylesheet exist", () => {
    expect(result.entries.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        "hub",
        "work-item-group",
        "work-item-page",
        "work-item-actions",
        "add-time-dialog",
        "permissions",
        "subscription",
      ]),
    );
    for (const { name } of result.entries) {
      const html = readFileSync(path.join(outDir, `${name}.html`), "utf8");
      expect(html).toContain(`<script type="module" src="./${name}.js"></script>`);
      expect(html).toContain('<div id="root"');
      for (const [, href] of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) {
        expect(existsSync(path.join(outDir, href)), `${name}.html refers to ${href}`).toBe(true);
      }
    }
  });

  it("emits React once, in a chunk the pages share", () => {
    // A string of React's production build that no other module contains.
    const withReact = outputsContaining("Minified React error #");
    expect(withReact).toHaveLength(1);
    expect(withReact[0]).toMatch(/^chunks[\\/]/);
  });

  it("bakes the configured backend URL into the bundle, without a trailing slash", () => {
    expect(outputsContaining('"https://tt-api.example.test"').length).toBe(1);
    expect(outputsContaining('https://tt-api.example.test/"')).toEqual([]);
  });

  it("reports a gzip size for every page", () => {
    expect(result.sizes.map((s) => s.name).sort()).toEqual(result.entries.map((e) => e.name).sort());
    for (const size of result.sizes) expect(size.gzipBytes).toBeGreaterThan(0);
  });

  it("refuses a backend URL that is not absolute http(s)", async () => {
    await expect(buildFrontEnd({ apiBaseUrl: "localhost:7071", outDir })).rejects.toThrow(
      /absolute http\(s\) URL|http or https/,
    );
  });
});
