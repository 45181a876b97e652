import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { buildFrontEnd, REPO_ROOT } from "../../../../dev/build/build";
import { startDevHost, type DevHost } from "../../../../dev/host/server";
import { launchBrowser, type TestBrowser } from "../../../../dev/host/test-fixtures/browser";
import { startBackendStack, type BackendStack } from "../../../../dev/stack";

/**
 * Everything a new user of the product touches, on loopback: the backend (embedded Cosmos,
 * Azure DevOps and Chargebee stand-ins, local Functions host), our pages built into a
 * throwaway root (a developer's `npm start` may be serving the repository's dist/), the dev
 * host framing them, and headless Chromium.
 */
export interface Walkthrough {
  stack: BackendStack;
  host: DevHost;
  browser: TestBrowser;
  /** A new tab on a dev host route (e.g. "#/settings/permissions") as `email` of fabrikam. */
  open(route: string, email: string): Promise<Page>;
  stop(): Promise<void>;
}

export async function startWalkthrough(): Promise<Walkthrough> {
  const stack = await startBackendStack({ ports: "random" });
  const root = await mkdtemp(path.join(os.tmpdir(), "tt-walkthrough-"));
  const stopAll = async () => {
    await stack.stop();
    await rm(root, { recursive: true, force: true });
  };
  try {
    writeFileSync(path.join(root, "vss-extension.json"), readFileSync(path.join(REPO_ROOT, "vss-extension.json")));
    symlinkSync(path.join(REPO_ROOT, "static"), path.join(root, "static"));
    const webDir = path.join(root, "dist", "web");
    mkdirSync(webDir, { recursive: true });
    await buildFrontEnd({ apiBaseUrl: stack.functions.url, outDir: webDir });
    const host = await startDevHost({
      port: 0,
      repoRoot: root,
      devopsUrl: stack.devops.url,
      apiUrl: stack.functions.url,
      ...(stack.chargebee ? { chargebeeUrl: stack.chargebee.url } : {}),
      manifestOverridesFile: path.join(REPO_ROOT, "dev", "build", "dev-overrides.json"),
    });
    const browser = await launchBrowser();
    return {
      stack,
      host,
      browser,
      async open(route, email) {
        const page = await browser.context.newPage();
        await page.goto(`${host.url}/?org=fabrikam&user=${encodeURIComponent(email)}${route}`);
        return page;
      },
      async stop() {
        await browser.close();
        await host.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
