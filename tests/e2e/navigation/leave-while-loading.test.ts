import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrameLocator, Locator, Page } from "playwright-core";
import { startBackendStack, type BackendStack } from "../../../dev/stack";
import { startDevHostSession, type DevHostSession } from "../support/dev-host-session";

/**
 * Leaving a Timetracker page while it still loads (its first API requests in flight), for
 * every ordered pair of pages, with the React development build `npm start` serves: the tab
 * must keep answering and the next page must render. The dev host serves frames from its
 * own origin, so a frame that spins after it was removed freezes the whole tab.
 */
let stack: BackendStack;
let session: DevHostSession;
const PCA = "priya.patel@fabrikam.example";

beforeAll(async () => {
  stack = await startBackendStack({ ports: "random" });
  session = await startDevHostSession(stack, "leave", { development: true });
}, 180_000);
afterAll(async () => {
  await session?.stop();
  await stack?.stop();
});

interface TimetrackerPage {
  name: string;
  /** The page's frame file: its requests tell that it is loading. */
  frameFile: string;
  /** Leaves the current page for this one, the way a user does. */
  go(page: Page): Promise<void>;
  /** What the page shows once it has loaded. */
  rendered(frame: FrameLocator): Locator;
}

/**
 * Clicks the host's navigation link in the page itself: Playwright's click waits for the link
 * to be stable first, long enough for most of the page's first requests to finish.
 */
async function navLink(page: Page, name: string): Promise<void> {
  await page.evaluate((text) => {
    const link = [...document.querySelectorAll<HTMLAnchorElement>("nav a")].find((a) => a.textContent === text);
    if (!link) throw new Error(`The navigation has no link "${text}".`);
    link.click();
  }, name);
}

const HUB: TimetrackerPage = {
  name: "Boards › Timetracker",
  frameFile: "hub.html",
  go: (page) => navLink(page, "Timetracker"),
  rendered: (frame) => frame.getByRole("tab", { name: "My time" }),
};
const TIME_TAB: TimetrackerPage = {
  name: "work item form › Time",
  frameFile: "work-item-page.html",
  async go(page) {
    // Work items › #3 opens the form; its Time tab loads our page.
    await page.evaluate(() => (window.location.hash = "#/workitem/3"));
    await page.getByRole("tab", { name: "Time" }).click();
  },
  rendered: (frame) => frame.getByText("Time on this work item"),
};
const PERMISSIONS: TimetrackerPage = {
  name: "Timetracker Permissions",
  frameFile: "permissions.html",
  go: (page) => navLink(page, "Timetracker Permissions"),
  rendered: (frame) => frame.getByRole("columnheader", { name: "Role" }).first(),
};
const SUBSCRIPTION: TimetrackerPage = {
  name: "Timetracker Subscription",
  frameFile: "subscription.html",
  go: (page) => navLink(page, "Timetracker Subscription"),
  rendered: (frame) => frame.getByRole("heading", { name: "Timetracker Subscription" }),
};
const PAGES = [HUB, TIME_TAB, PERMISSIONS, SUBSCRIPTION];

/** How long after the page's first API request we leave: spread over its loading time. */
const LEAVE_AFTER_MS = [0, 40, 100, 200];
/** A responsive tab answers in milliseconds; a frozen one never does. */
const ANSWER_WITHIN_MS = 5_000;

async function within<T>(what: string, work: Promise<T>, ms = ANSWER_WITHIN_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The tab stopped answering: ${what} did not return within ${ms} ms.`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const frameOf = (page: Page, target: TimetrackerPage) => page.frameLocator(`iframe[src*="${target.frameFile}"]`);

/** Goes to `target` and returns once its frame's first API request has gone out. */
async function arriveLoading(page: Page, target: TimetrackerPage): Promise<void> {
  const firstRequest = page.waitForRequest(
    (r) => r.url().includes("/api/") && r.frame().url().includes(target.frameFile),
    { timeout: 20_000 },
  );
  await within(`going to ${target.name}`, target.go(page), 20_000);
  await firstRequest;
}

async function expectResponsive(page: Page, context: string): Promise<void> {
  expect(
    await within(
      `page.evaluate ${context}`,
      page.evaluate(() => document.readyState),
    ),
  ).toBe("complete");
  await within(`a screenshot ${context}`, page.screenshot());
}

describe("leaving a page while it loads", { timeout: 90_000 }, () => {
  for (const from of PAGES) {
    for (const to of PAGES.filter((p) => p !== from)) {
      it(`${from.name} → ${to.name}: the tab keeps answering and ${to.name} renders`, async () => {
        const page = await session.browser.context.newPage();
        try {
          await page.goto(`${session.host.url}/?org=fabrikam&user=${encodeURIComponent(PCA)}#/workitems`);
          // The host has booted (it would rewrite a hash set before it read the URL).
          await page.getByRole("link", { name: "Work items" }).waitFor();
          for (const delay of LEAVE_AFTER_MS) {
            await arriveLoading(page, from);
            await page.waitForTimeout(delay);
            const context = `after leaving ${from.name} for ${to.name} ${delay} ms into its loading`;
            await within(`leaving ${context}`, to.go(page));
            await expectResponsive(page, context);
            await within(`${to.name} rendering ${context}`, to.rendered(frameOf(page, to)).waitFor(), 20_000);
          }
        } finally {
          await within("closing the tab", page.close()).catch(() => undefined);
        }
      });
    }
  }
});
