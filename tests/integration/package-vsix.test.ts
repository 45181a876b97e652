import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { buildFrontEnd, DEFAULT_API_BASE_URL } from "../../dev/build/build";
import { createVsix } from "../../dev/build/package-vsix";

/** The files of a .vsix (a zip), read from its local headers: name → content. */
function unzip(file: string): Map<string, Buffer> {
  const zip = readFileSync(file);
  const entries = new Map<string, Buffer>();
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    const name = zip.toString("utf8", at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extraLength;
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : data);
    at = start + size;
  }
  return entries;
}

describe("npm run package", () => {
  let outDir: string | undefined;
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it("writes the production and the dev .vsix, offline, with every page and the right identity", async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), "tt-vsix-"));
    await buildFrontEnd({ apiBaseUrl: DEFAULT_API_BASE_URL });
    const production = await createVsix("production", outDir);
    const dev = await createVsix("dev", outDir);
    expect([production.extensionId, dev.extensionId]).toEqual(["timetracker", "timetracker-dev"]);

    for (const vsix of [production, dev]) {
      const files = unzip(vsix.path);
      for (const page of [
        "hub",
        "work-item-group",
        "work-item-page",
        "work-item-actions",
        "add-time-dialog",
        "permissions",
        "subscription",
      ]) {
        expect(files.has(`dist/web/${page}.html`), `${vsix.variant} has ${page}.html`).toBe(true);
      }
      const manifest = JSON.parse(files.get("extension.vsomanifest")!.toString("utf8")) as {
        baseUri?: string;
        contributions: { id: string }[];
      };
      expect(manifest.contributions.map((c) => c.id)).toEqual(
        expect.arrayContaining([
          "timetracker-hub",
          "timetracker-work-item-group",
          "timetracker-permissions-hub",
          "timetracker-subscription-hub",
        ]),
      );
      if (vsix.variant === "dev") expect(manifest.baseUri).toBe("http://localhost:3000/ext");
      else expect(manifest.baseUri ?? "").not.toContain("localhost");
    }
  }, 120_000);
});
