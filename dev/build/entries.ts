import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

export interface PageEntry {
  /** Folder name = output name: dist/web/<name>.html and <name>.js. */
  name: string;
  /** Absolute path of the folder's index file. */
  file: string;
}

const INDEX_FILES = ["index.tsx", "index.ts"];

/**
 * One entry per folder of `srcDir` that has an index file, like the model sample: adding a
 * contribution page means adding a folder. Shared code (common, services, components) has
 * no index file and is no entry.
 */
export function findPageEntries(srcDir: string): PageEntry[] {
  const entries: PageEntry[] = [];
  for (const dirent of readdirSync(srcDir, { withFileTypes: true })) {
    if (!dirent.isDirectory()) continue;
    const index = INDEX_FILES.map((f) => path.join(srcDir, dirent.name, f)).find((f) => existsSync(f));
    if (index) entries.push({ name: dirent.name, file: index });
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}
