import type { BrowserContext, Page } from "playwright-core";
import { BASELINE_NAME } from "./build-pages";

/** How a contribution is reached in the dev host, and what a user does to load it. */
export interface RenderCase {
  page: string;
  route: string;
  open?: (page: Page) => Promise<void>;
}

export const RENDER_CASES: RenderCase[] = [
  { page: BASELINE_NAME, route: "#/hub/bench-baseline" },
  { page: "hub", route: "#/hub" },
  { page: "work-item-group", route: "#/workitem/3" },
  { page: "work-item-page", route: "#/workitem/3", open: (p) => p.getByRole("tab", { name: "Time" }).click() },
  {
    page: "add-time-dialog",
    route: "#/workitem/3",
    open: (p) => p.frameLocator('iframe[src*="work-item-group"]').getByRole("button", { name: "Add Time" }).click(),
  },
  { page: "permissions", route: "#/settings/permissions" },
  { page: "subscription", route: "#/settings/subscription" },
];

/**
 * Runs in the host page before its scripts. Our pages tell the host they rendered with the
 * SDK's notifyLoadSucceeded (after their first connected render); the frame's own
 * timeOrigin is when its navigation started, so the difference is load-to-first-render,
 * whatever the host page did before creating the frame.
 */
const RECORDER = `(() => {
  if (window !== window.top) return;
  window.__ttLoads = [];
  addEventListener("message", (event) => {
    let message;
    try { message = typeof event.data === "string" ? JSON.parse(event.data) : event.data; } catch { return; }
    if (!message || message.methodName !== "notifyLoadSucceeded" || !event.source) return;
    try {
      const frame = event.source;
      window.__ttLoads.push({ path: frame.location.pathname, ms: performance.timeOrigin + performance.now() - frame.performance.timeOrigin });
    } catch {}
  }, true);
})();`;

interface LoadRecord {
  path: string;
  ms: number;
}

export async function installRecorder(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: RECORDER });
}

/** Opens the case in a new tab and returns the contribution's load-to-first-render time in ms. */
export async function measureOnce(context: BrowserContext, hostUrl: string, c: RenderCase): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(`${hostUrl}/?org=fabrikam&user=priya.patel@fabrikam.example${c.route}`);
    if (c.open) await c.open(page);
    const suffix = `/${c.page}.html`;
    const handle = await page.waitForFunction(
      (s) => ((window as unknown as { __ttLoads: LoadRecord[] }).__ttLoads ?? []).find((l) => l.path.endsWith(s))?.ms,
      suffix,
      { timeout: 20_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}
