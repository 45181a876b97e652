import type { BrowserContext, Frame, Page } from "playwright-core";
import type { BackendStack } from "../../../dev/stack";
import { api, signIn, type SignedIn } from "../../integration/support/sign-in";

/** Gives `org` exactly `licensed` licensed members: its first user plus synthetic users, through the users API. */
export async function licenseMembers(stack: BackendStack, org: string, firstUser: string, licensed: number): Promise<SignedIn> {
  const pca = await signIn(stack, org, firstUser);
  await api(stack, pca, "GET", "me");
  const ids = stack.devops.state.org(org).addSyntheticUsers(licensed - 1).map((u) => u.id);
  for (let i = 0; i < ids.length; i += 500) {
    const response = await api(stack, pca, "POST", "users/roles", { role: "Team", userIds: ids.slice(i, i + 500) });
    if (response.status !== 200) throw new Error(`Licensing users in ${org}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return pca;
}

export interface PermissionsLoad {
  /** From the frame's navigation start to the first licensed user shown, ms. */
  firstRowsMs: number;
  /** Table rows in the document once the page is idle: a virtualised table keeps this small. */
  rowsInDom: number;
}

async function permissionsFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes("/permissions.html"));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error("The Permissions page was not framed.");
    await page.waitForTimeout(20);
  }
}

/** Opens Timetracker Permissions as `email` of `org` in a new tab and measures its first rows. */
export async function loadPermissions(context: BrowserContext, hostUrl: string, org: string, email: string): Promise<PermissionsLoad> {
  const page = await context.newPage();
  try {
    await page.goto(`${hostUrl}/?org=${org}&user=${encodeURIComponent(email)}#/settings/permissions`);
    const frame = await permissionsFrame(page);
    const shown = await frame.waitForFunction(
      () => {
        const rows = document.querySelectorAll('[aria-label="Licensed users"] [role="row"]');
        return Array.from(rows).some((r) => r.textContent?.includes("@")) ? performance.now() : false;
      },
      undefined,
      { timeout: 60_000 },
    );
    const firstRowsMs = (await shown.jsonValue()) as number;
    await page.waitForLoadState("networkidle");
    const rowsInDom = await frame.evaluate(() => document.querySelectorAll('[aria-label="Licensed users"] [role="row"]').length);
    return { firstRowsMs, rowsInDom };
  } finally {
    await page.close();
  }
}
