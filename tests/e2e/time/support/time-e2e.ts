import type { FrameLocator, Page } from "playwright-core";
import type { DevHost } from "../../../../dev/host/server";
import type { TestBrowser } from "../../../../dev/host/test-fixtures/browser";
import { startDevHostSession } from "../../support/dev-host-session";
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
  open(
    email: string,
    route: string,
    options?: { host?: "cloud" | "server"; org?: string; theme?: "light" | "dark" },
  ): Promise<Page>;
  stop(): Promise<void>;
}

export async function startTimeE2e(): Promise<TimeE2e> {
  const t = await startTimeStack();
  try {
    const session = await startDevHostSession(t.stack, "time");
    return {
      t,
      host: session.host,
      browser: session.browser,
      open: session.open,
      async stop() {
        await session.stop();
        await t.stack.stop();
      },
    };
  } catch (error) {
    await t.stack.stop();
    throw error;
  }
}

export const groupFrame = (page: Page): FrameLocator => page.frameLocator('iframe[src*="work-item-group.html"]');
export const timePageFrame = (page: Page): FrameLocator => page.frameLocator('iframe[src*="work-item-page.html"]');
export const dialogFrame = (page: Page): FrameLocator => page.frameLocator('iframe[src*="add-time-dialog.html"]');
export const hubFrame = (page: Page): FrameLocator => page.frameLocator('iframe[src*="hub.html"]');
