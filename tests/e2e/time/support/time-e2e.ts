import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { buildFrontEnd, REPO_ROOT } from "../../../../dev/build/build";
import { startDevHost, type DevHost } from "../../../../dev/host/server";
import { launchBrowser, type TestBrowser } from "../../../../dev/host/test-fixtures/browser";
import { startTimeStack, type TimeStack } from "../../../integration/time/support/time-stack";

/**
 * The local stack in a browser for time tracking: the time test stack (roles arranged), our
 * pages built into a throwaway root (the repository's dist/ may be served by a developer's
 * `npm start`), the dev host framing them, and headless Chromium.
 */
export interface TimeE2e {
  t: TimeStack;
  host: DevHost;
  browser: TestBrowser;
  /** Opens a dev host route ("#/workitem/3", "#/hub") as `email`; `host` "server" plays Azure DevOps Server. */
  open(email: string, route: string, options?: { host?: "cloud" | "server"; org?: string; theme?: "light" | "dark" }): Promise<Page>;
  stop(): Promise<void>;
}

export async function startTimeE2e(): Promise<TimeE2e> {
  const t = await startTimeStack();
  const root = await mkdtemp(path.join(os.tmpdir(), "tt-time-e2e-"));
  try {
    writeFileSync(path.join(root, "vss-extension.json"), readFileSync(path.join(REPO_ROOT, "vss-extension.json")));
    symlinkSync(path.join(REPO_ROOT, "static"), path.join(root, "static"));
    const webDir = path.join(root, "dist", "web");
    mkdirSync(webDir, { recursive: true });
    await buildFrontEnd({ apiBaseUrl: t.stack.functions.url, outDir: webDir });
    const host = await startDevHost({
      port: 0,
      repoRoot: root,
      devopsUrl: t.stack.devops.url,
      apiUrl: t.stack.functions.url,
      manifestOverridesFile: path.join(REPO_ROOT, "dev", "build", "dev-overrides.json"),
    });
    const browser = await launchBrowser();
    return {
      t,
      host,
      browser,
      async open(email, route, options = {}) {
        const page = await browser.context.newPage();
        const query = new URLSearchParams({ org: options.org ?? "fabrikam", user: email, host: options.host ?? "cloud", theme: options.theme ?? "light" });
        await page.goto(`${host.url}/?${query.toString()}${route}`);
        return page;
      },
      async stop() {
        await browser.close();
        await host.stop();
        await t.stack.stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await t.stack.stop();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

export const groupFrame = (page: Page): FrameLocator => page.frameLocator('iframe[src*="work-item-group.html"]');
export const timePageFrame = (page: Page): FrameLocator => page.frameLocator('iframe[src*="work-item-page.html"]');
export const dialogFrame = (page: Page): FrameLocator => page.frameLocator('iframe[src*="add-time-dialog.html"]');
export const hubFrame = (page: Page): FrameLocator => page.frameLocator('iframe[src*="hub.html"]');
