import { readFileSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { buildFrontEnd, REPO_ROOT } from "../../../../dev/build/build";
import { startDevHost, type DevHost } from "../../../../dev/host/server";
import { launchBrowser, type TestBrowser } from "../../../../dev/host/test-fixtures/browser";
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
  /** Opens the Timetracker Subscription page as `email` in a new tab; returns the tab and our frame. */
  openSubscription(email: string): Promise<{ page: Page; frame: FrameLocator }>;
  stop(): Promise<void>;
}

export async function startBillingE2e(): Promise<BillingE2e> {
  const t = await startBillingStack();
  const root = await mkdtemp(path.join(os.tmpdir(), "tt-billing-e2e-"));
  try {
    writeFileSync(path.join(root, "vss-extension.json"), readFileSync(path.join(REPO_ROOT, "vss-extension.json")));
    symlinkSync(path.join(REPO_ROOT, "static"), path.join(root, "static"));
    const webDir = path.join(root, "dist", "web");
    mkdirSync(webDir, { recursive: true });
    await buildFrontEnd({ apiBaseUrl: t.stack.functions.url, outDir: webDir });
    const host = await startDevHost({
      port: 0,
      repoRoot: root,
      devopsUrl: t.stack.devops.url,
      apiUrl: t.stack.functions.url,
      manifestOverridesFile: path.join(REPO_ROOT, "dev", "build", "dev-overrides.json"),
    });
    const browser = await launchBrowser();
    return {
      t,
      host,
      browser,
      async openSubscription(email) {
        const page = await browser.context.newPage();
        await page.goto(`${host.url}/?org=fabrikam&user=${encodeURIComponent(email)}#/settings/subscription`);
        return { page, frame: page.frameLocator('iframe[src*="subscription.html"]') };
      },
      async stop() {
        await browser.close();
        await host.stop();
        await t.stack.stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await t.stack.stop();
    await rm(root, { recursive: true, force: true });
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
