import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { buildFrontEnd, REPO_ROOT } from "../../../../dev/build/build";
import { startDevHost, type DevHost } from "../../../../dev/host/server";
import { launchBrowser, type TestBrowser } from "../../../../dev/host/test-fixtures/browser";
import { startUsersStack, type UsersStack } from "../../../integration/users/support/users-stack";

/**
 * The local stack in a browser for user management: the users test stack (Priya PCA and
 * Administrator, Daniel PCA without a role, Marcus Administrator, Liam Team), our pages built
 * into a throwaway root, the dev host framing them, and headless Chromium.
 */
export interface UsersE2e {
  u: UsersStack;
  host: DevHost;
  browser: TestBrowser;
  /** Opens a dev host route ("#/settings/permissions", "#/hub/settings") as `email`. */
  open(email: string, route: string, options?: { theme?: "light" | "dark" }): Promise<Page>;
  stop(): Promise<void>;
}

export async function startUsersE2e(): Promise<UsersE2e> {
  const u = await startUsersStack();
  const root = await mkdtemp(path.join(os.tmpdir(), "tt-users-e2e-"));
  try {
    writeFileSync(path.join(root, "vss-extension.json"), readFileSync(path.join(REPO_ROOT, "vss-extension.json")));
    symlinkSync(path.join(REPO_ROOT, "static"), path.join(root, "static"));
    const webDir = path.join(root, "dist", "web");
    mkdirSync(webDir, { recursive: true });
    await buildFrontEnd({ apiBaseUrl: u.stack.functions.url, outDir: webDir });
    const host = await startDevHost({
      port: 0,
      repoRoot: root,
      devopsUrl: u.stack.devops.url,
      apiUrl: u.stack.functions.url,
      manifestOverridesFile: path.join(REPO_ROOT, "dev", "build", "dev-overrides.json"),
    });
    const browser = await launchBrowser();
    return {
      u,
      host,
      browser,
      async open(email, route, options = {}) {
        const page = await browser.context.newPage();
        const query = new URLSearchParams({ org: "fabrikam", user: email, host: "cloud", theme: options.theme ?? "light" });
        await page.goto(`${host.url}/?${query.toString()}${route}`);
        return page;
      },
      async stop() {
        await browser.close();
        await host.stop();
        await u.stack.stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await u.stack.stop();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

export const PERMISSIONS = "#/settings/permissions";
export const permissionsFrame = (page: Page): FrameLocator => page.frameLocator('iframe[src*="permissions.html"]');
export const hubFrame = (page: Page): FrameLocator => page.frameLocator('iframe[src*="hub.html"]');
