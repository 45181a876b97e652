import type { FrameLocator, Page } from "playwright-core";
import type { DevHost } from "../../../../dev/host/server";
import type { TestBrowser } from "../../../../dev/host/test-fixtures/browser";
import { startDevHostSession, type DevHostSession } from "../../support/dev-host-session";
import { startBillingStack, type BillingStack } from "../../../integration/billing/support/billing-stack";

/**
 * The local stack in a browser: backend with the Chargebee stand-in, our pages built into a
 * throwaway root (the repository's dist/ may be served by a developer's `npm start`), the
 * dev host framing them, and headless Chromium.
 */
export interface BillingE2e {
  t: BillingStack;
  host: DevHost;
  browser: TestBrowser;
  /** Opens a dev host route ("#/hub") as `email` in a new tab. */
  open: DevHostSession["open"];
  /** Opens the Timetracker Subscription page as `email` in a new tab; returns the tab and our frame. */
  openSubscription(email: string): Promise<{ page: Page; frame: FrameLocator }>;
  stop(): Promise<void>;
}

export async function startBillingE2e(): Promise<BillingE2e> {
  const t = await startBillingStack();
  try {
    const session = await startDevHostSession(t.stack, "billing");
    return {
      t,
      host: session.host,
      browser: session.browser,
      open: session.open,
      async openSubscription(email) {
        const page = await session.open(email, "#/settings/subscription");
        return { page, frame: page.frameLocator('iframe[src*="subscription.html"]') };
      },
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

/** The buyer's part in Chargebee's hosted checkout window, step by step as the reference lists them. */
export async function payInCheckoutWindow(popup: Page): Promise<void> {
  await popup.waitForLoadState();
  await popup.getByRole("heading", { name: "Add your account details" }).waitFor();
  await popup.getByLabel("First name").fill("Priya");
  await popup.getByLabel("Last name").fill("Patel");
  await popup.getByLabel("Email").fill("priya.patel@fabrikam.example");
  await popup.getByRole("button", { name: "Next" }).click();
  await popup.getByRole("heading", { name: "Billing details" }).waitFor();
  await popup.getByLabel("Address line 1").fill("1 Microsoft Way");
  await popup.getByLabel("City").fill("Redmond");
  await popup.getByLabel("ZIP / Postal code").fill("98052");
  await popup.getByLabel("Country").selectOption("US");
  await popup.getByRole("button", { name: "Next" }).click();
  await popup.getByRole("heading", { name: "Payment details" }).waitFor();
  await popup.getByLabel("Card number").fill("4111 1111 1111 1111");
  await popup.getByLabel("Expiry (MM/YY)").fill("12/39");
  await popup.getByLabel("CVC").fill("123");
  await popup.getByRole("button", { name: "Next" }).click();
  await popup.getByRole("heading", { name: "Summary" }).waitFor();
  await popup.getByLabel("I agree to the Terms of Service and Privacy Policy").check();
  await popup.getByRole("button", { name: "Pay & subscribe" }).click();
  await popup.getByRole("heading", { name: "Thank you for your purchase!" }).waitFor();
}
