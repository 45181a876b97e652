import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { buildFrontEnd, REPO_ROOT } from "../../../dev/build/build";
import { startDevHost, type DevHost } from "../../../dev/host/server";
import { launchBrowser, type TestBrowser } from "../../../dev/host/test-fixtures/browser";
import type { BackendStack } from "../../../dev/stack";

export interface OpenOptions {
  org?: string;
  /** "server" plays Azure DevOps Server (isHosted false). */
  host?: "cloud" | "server";
  theme?: "light" | "dark";
}

/** Our pages in the dev host, in headless Chromium, against a running backend stack. */
export interface DevHostSession {
  host: DevHost;
  browser: TestBrowser;
  /** Opens a dev host route ("#/workitem/3", "#/hub", "#/settings/permissions") as `email` in a new tab; needs no `this`. */
  open: (email: string, route: string, options?: OpenOptions) => Promise<Page>;
  /** Closes the browser and the dev host (the backend stack is the caller's). */
  stop(): Promise<void>;
}

export interface SessionOptions {
  /** The React development build `npm start` serves (slower; its own failure modes). */
  development?: boolean;
}

/**
 * Builds the pages against `stack` into a throwaway root (the repository's dist/ may be
 * served by a developer's `npm start` meanwhile), starts the dev host on it with the dev
 * manifest overrides (the stand-in's tokens are for the dev extension id) and a browser.
 */
export async function startDevHostSession(
  stack: BackendStack,
  label: string,
  sessionOptions: SessionOptions = {},
): Promise<DevHostSession> {
  const root = await mkdtemp(path.join(os.tmpdir(), `tt-${label}-e2e-`));
  try {
    writeFileSync(path.join(root, "vss-extension.json"), readFileSync(path.join(REPO_ROOT, "vss-extension.json")));
    symlinkSync(path.join(REPO_ROOT, "static"), path.join(root, "static"));
    const webDir = path.join(root, "dist", "web");
    mkdirSync(webDir, { recursive: true });
    await buildFrontEnd({ apiBaseUrl: stack.functions.url, outDir: webDir, development: sessionOptions.development });
    const host = await startDevHost({
      port: 0,
      repoRoot: root,
      devopsUrl: stack.devops.url,
      apiUrl: stack.functions.url,
      manifestOverridesFile: path.join(REPO_ROOT, "dev", "build", "dev-overrides.json"),
    });
    const browser = await launchBrowser();
    return {
      host,
      browser,
      async open(email, route, options = {}) {
        const page = await browser.context.newPage();
        const query = new URLSearchParams({
          org: options.org ?? "fabrikam",
          user: email,
          host: options.host ?? "cloud",
          theme: options.theme ?? "light",
        });
        await page.goto(`${host.url}/?${query.toString()}${route}`);
        return page;
      },
      async stop() {
        await browser.close();
        await host.stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
