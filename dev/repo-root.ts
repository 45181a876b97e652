import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder, wherever it is cloned. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
