import path from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { REPO_ROOT } from "../../../../dev/build/build";
import type { DevHost } from "../../../../dev/host/server";
import type { TestBrowser } from "../../../../dev/host/test-fixtures/browser";
import { startDevHostSession } from "../../support/dev-host-session";
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
  open(email: string, route: string, options?: { theme?: "light" | "dark"; host?: "cloud" | "server" }): Promise<Page>;
  stop(): Promise<void>;
}

export async function startUsersE2e(): Promise<UsersE2e> {
  const u = await startUsersStack();
  try {
    const session = await startDevHostSession(u.stack, "users");
    return {
      u,
      host: session.host,
      browser: session.browser,
      open: session.open,
      async stop() {
        await session.stop();
        await u.stack.stop();
      },
    };
  } catch (error) {
    await u.stack.stop();
    throw error;
  }
}

export const PERMISSIONS = "#/settings/permissions";
export const permissionsFrame = (page: Page): FrameLocator => page.frameLocator('iframe[src*="permissions.html"]');

/** What a user sees, kept for a look at test-results/users-e2e/<name>.png (not committed). */
export const screenshot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: path.join(REPO_ROOT, "test-results", "users-e2e", `${name}.png`) });
