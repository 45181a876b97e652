import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ContributionIds } from "../../src/services/contribution-ids";
import { findPageEntries } from "./entries";

const root = fileURLToPath(new URL("../..", import.meta.url));
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), "utf8"));

const contributionSchema = z.object({
  id: z.string(),
  type: z.string(),
  targets: z.array(z.string()).optional(),
  properties: z.looseObject({ uri: z.string().optional(), registeredObjectId: z.string().optional() }),
});
const manifestSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  icons: z.object({ default: z.string() }),
  files: z.array(z.object({ path: z.string(), addressable: z.boolean() })),
  contributions: z.array(contributionSchema),
});

const manifest = manifestSchema.parse(readJson("vss-extension.json"));
const devOverrides = z.record(z.string(), z.unknown()).parse(readJson("dev/build/dev-overrides.json"));
const pages = findPageEntries(path.join(root, "src")).map((e) => e.name);
const pageOfUri = (uri: string) => /^dist\/web\/([a-z0-9-]+)\.html$/.exec(uri)?.[1];

describe("vss-extension.json", () => {
  it("points every contribution uri at a page the build produces", () => {
    const uris = manifest.contributions.flatMap((c) => (c.properties.uri ? [[c.id, c.properties.uri] as const] : []));
    expect(uris.length).toBeGreaterThan(0);
    for (const [id, uri] of uris) {
      expect(pages, `${id} uses ${uri}`).toContain(pageOfUri(uri));
    }
  });

  it("has a contribution for every page the build produces", () => {
    const used = new Set(manifest.contributions.map((c) => c.properties.uri && pageOfUri(c.properties.uri)));
    expect(pages.filter((page) => !used.has(page))).toEqual([]);
  });

  it("declares every contribution id the front end refers to", () => {
    const declared = manifest.contributions.map((c) => c.id);
    expect(declared.length).toBe(new Set(declared).size);
    expect(declared.slice().sort()).toEqual(Object.values(ContributionIds).sort());
  });

  it("registers each menu action under its own contribution id (what work-item-actions registers)", () => {
    const actions = manifest.contributions.filter((c) => c.type === "ms.vss-web.action");
    expect(actions.map((a) => a.id).sort()).toEqual(
      [ContributionIds.addTimeAction, ContributionIds.startTrackingAction].sort(),
    );
    for (const action of actions) expect(action.properties.registeredObjectId).toBe(action.id);
  });

  it("ships the files it names (icon, static folder) and serves the build output", () => {
    expect(existsSync(path.join(root, manifest.icons.default))).toBe(true);
    expect(manifest.files).toEqual(
      expect.arrayContaining([
        { path: "dist/web", addressable: true },
        { path: "static", addressable: true },
      ]),
    );
  });
});

describe("dev overrides", () => {
  it("change only the identity, the name, the asset origin and the visibility", () => {
    expect(Object.keys(devOverrides).sort()).toEqual(["baseUri", "id", "name", "public"]);
    expect(devOverrides.id).not.toBe(manifest.id);
    expect(devOverrides.name).not.toBe(manifest.name);
    expect(devOverrides.public).toBe(false);
    expect(devOverrides.baseUri).toBe("http://localhost:3000/ext");
  });
});
