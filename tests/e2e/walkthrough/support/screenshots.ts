import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { REPO_ROOT } from "../../../../dev/build/build";

/**
 * `SCREENSHOTS=update` refreshes the committed pictures in docs/screenshots/ (the README shows
 * them); otherwise they go to test-results/ so a test run leaves the working tree clean
 * (dates on the pages change every day).
 */
export const SCREENSHOT_DIR =
  process.env.SCREENSHOTS === "update"
    ? path.join(REPO_ROOT, "docs", "screenshots")
    : path.join(REPO_ROOT, "test-results", "walkthrough-screenshots");

export interface Shot {
  file: string;
  caption: string;
}

/** Numbered screenshots in walkthrough order, for the README. */
export class ScreenshotAlbum {
  readonly shots: Shot[] = [];

  constructor() {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // Numbering follows the walkthrough: pictures of an earlier, different run would mislead.
    for (const old of readdirSync(SCREENSHOT_DIR))
      if (/^\d+-.*\.png$/.test(old)) rmSync(path.join(SCREENSHOT_DIR, old));
  }

  async take(page: Page, slug: string, caption: string): Promise<void> {
    const file = `${String(this.shots.length + 1).padStart(2, "0")}-${slug}.png`;
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, file) });
    this.shots.push({ file, caption });
  }
}

/** The album as Markdown, image paths relative to `base` (the README links docs/screenshots/). */
export function albumMarkdown(shots: Shot[], base: string): string {
  const lines = [
    "# Walkthrough screenshots",
    "",
    "Taken by `tests/e2e/walkthrough` in the dev host, in the order of the reference document.",
    "",
  ];
  for (const shot of shots) lines.push(`**${shot.caption}**`, "", `![${shot.caption}](${base}/${shot.file})`, "");
  return lines.join("\n");
}
