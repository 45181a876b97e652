import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Chargebee from "chargebee";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type TestBrowser } from "../host/test-fixtures/browser";
import { startChargebeeStandin, type ChargebeeStandin } from "./index";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null }[] }> } }
    ).axe;
    const result = await axe.run();
    return result.violations.map((violation) => `${violation.id} (${violation.impact ?? "?"})`);
  });
}

describe("hosted checkout in a browser", () => {
  let standin: ChargebeeStandin;
  let browser: TestBrowser;

  beforeAll(async () => {
    standin = await startChargebeeStandin({ port: 0, scheduledJobsIntervalMs: 0 });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await standin?.stop();
  });

  it("is usable by label and keyboard, accessible, and enables Pay & subscribe only with the terms accepted", async () => {
    const chargebee = new Chargebee(standin.clientConfig);
    const { hosted_page } = await chargebee.hostedPage.checkoutNewForItems({
      subscription_items: [{ item_price_id: "team-USD-yearly", quantity: 12 }],
    });
    const page = await browser.context.newPage();
    await page.goto(hosted_page.url ?? "");

    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Add your account details");
    expect(await accessibilityViolations(page)).toEqual([]);
    // 12 users × $13 × 12 months, in the order summary beside the form.
    expect(await page.getByRole("complementary", { name: "Your order" }).textContent()).toContain("$1,872.00");
    await page.getByLabel("First name").fill("Ada");
    await page.getByLabel("Last name").fill("Lovelace");
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByRole("button", { name: "Next" }).click();

    await page.getByLabel("Address line 1").waitFor();
    await page.getByLabel("Address line 1").fill("1 Main Street");
    await page.getByLabel("City").fill("Springfield");
    await page.getByLabel("ZIP / Postal code").fill("12345");
    await page.getByLabel("Country").selectOption("US");
    await page.getByRole("button", { name: "Next" }).click();

    await page.getByLabel("Card number").waitFor();
    await page.getByLabel("Card number").fill("4000 0000 0000 0002");
    await page.getByLabel("Expiry (MM/YY)").fill("12/35");
    await page.getByLabel("CVC").fill("123");
    await page.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("Your card was declined.");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Card number").fill("4111 1111 1111 1111");
    await page.getByLabel("Expiry (MM/YY)").fill("12/35");
    await page.getByLabel("CVC").fill("123");
    await page.getByRole("button", { name: "Next" }).click();

    const pay = page.getByRole("button", { name: "Pay & subscribe" });
    await pay.waitFor();
    expect(await page.getByRole("table").textContent()).toContain("Total$1,872.00");
    expect(await pay.isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("I agree to the Terms of Service and Privacy Policy").check();
    expect(await pay.isEnabled()).toBe(true);
    await pay.click();

    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Thank you for your purchase!");
    await expect.poll(() => page.getByText("You can close this window.").count()).toBe(1);
    expect((await chargebee.hostedPage.retrieve(hosted_page.id ?? "")).hosted_page.state).toBe("succeeded");
  }, 30_000);
});
