import { expect } from "vitest";
import type { FrameLocator, Locator, Page } from "playwright-core";
import { seriousViolations } from "./accessibility";
import type { ScreenshotAlbum } from "./screenshots";
import type { Walkthrough } from "./walkthrough-stack";

const PAGES = { permissions: "#/settings/permissions", subscription: "#/settings/subscription" } as const;
export type PageName = keyof typeof PAGES;

/** Generous: the first load of a page builds nothing, but Chromium and the stack share two cores. */
export const UI_TIMEOUT_MS = 20_000;

/**
 * One reader going through the reference document: the tab they are on, our page's frame
 * in it, and the record of every page they passed (a screenshot, checked with axe-core).
 */
export class Tour {
  page!: Page;
  frame!: FrameLocator;

  constructor(
    readonly w: Walkthrough,
    private readonly album: ScreenshotAlbum,
    readonly email: string,
  ) {}

  /** Navigates as Azure DevOps does (Organization Settings › Timetracker <page>). */
  async goTo(name: PageName): Promise<void> {
    await this.page?.close();
    this.page = await this.w.open(PAGES[name], this.email);
    this.frame = this.page.frameLocator(`iframe[src*="${name}.html"]`);
  }

  /**
   * A screenshot of the page as it is now, and no serious accessibility violation in our
   * frames. A violation fails the procedure but does not stop it, so one run reports them all.
   */
  async visit(slug: string, caption: string): Promise<void> {
    await this.page.waitForLoadState("networkidle").catch(() => undefined);
    await this.album.take(this.page, slug, caption);
    expect.soft(await seriousViolations(this.page), `accessibility of "${caption}"`).toEqual([]);
  }

  /** A page of someone else (Chargebee's hosted pages): photographed, not ours to audit. */
  async visitOther(other: Page, slug: string, caption: string): Promise<void> {
    await this.album.take(other, slug, caption);
  }

  async see(locator: Locator): Promise<void> {
    await locator.first().waitFor({ state: "visible", timeout: UI_TIMEOUT_MS });
  }

  /** Clicks something that opens a new window (checkout, payment details, a PDF) and returns it. */
  async popupFrom(click: () => Promise<void>): Promise<Page> {
    const [popup] = await Promise.all([this.page.context().waitForEvent("page", { timeout: UI_TIMEOUT_MS }), click()]);
    await popup.waitForLoadState();
    return popup;
  }

  /** A labelled field of the Activation Information ("Current Plan", "Billing", "Users"...). */
  field(label: string): Locator {
    return this.frame.getByRole("group", { name: label, exact: true });
  }
}
