import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { HostContribution, HostExtension } from "./shared/config-types";

// Only the parts of vss-extension.json the dev host reads; everything else is
// passed through untouched so new manifest properties need no change here.
const manifestSchema = z.object({
  id: z.string().min(1),
  publisher: z.string().min(1),
  version: z.string().default("0.0.0"),
  name: z.string().optional(),
  contributions: z
    .array(
      z.object({
        id: z.string().min(1),
        type: z.string().min(1),
        targets: z.array(z.string()).default([]),
        properties: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .default([]),
});

export interface ExtensionManifest {
  extension: HostExtension;
  contributions: HostContribution[];
}

export class ManifestError extends Error {}

/**
 * Reads `<repoRoot>/vss-extension.json` on every call so manifest edits show on
 * the next page load. Top-level values of the overrides file (the dev variant's
 * `id`, `name`, ... as `tfx --overrides-file` applies them) win over the manifest's.
 */
export async function readManifest(repoRoot: string, overridesFile?: string): Promise<ExtensionManifest> {
  const json = await readJson(join(repoRoot, "vss-extension.json"));
  const overrides = overridesFile ? await readJson(overridesFile) : {};
  if (!isRecord(json) || !isRecord(overrides))
    throw new ManifestError("The manifest and its overrides must be JSON objects.");
  const parsed = manifestSchema.safeParse({ ...json, ...overrides });
  if (!parsed.success) {
    throw new ManifestError(`vss-extension.json is not a usable manifest: ${parsed.error.message}`);
  }
  const m = parsed.data;
  const extensionId = `${m.publisher}.${m.id}`;
  return {
    extension: {
      publisherId: m.publisher,
      extensionId: m.id,
      id: extensionId,
      version: m.version,
      name: m.name ?? m.id,
    },
    contributions: m.contributions.map((c) => ({
      id: c.id,
      fullId: `${extensionId}.${c.id}`,
      type: c.type,
      targets: c.targets,
      properties: c.properties,
      uri: stringProp(c.properties, "uri"),
      name: stringProp(c.properties, "name") ?? stringProp(c.properties, "text"),
    })),
  };
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new ManifestError(`No file ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ManifestError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringProp(props: Record<string, unknown>, key: string): string | undefined {
  const value = props[key];
  return typeof value === "string" ? value : undefined;
}
