import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrameLocator, Page } from "playwright-core";
import { payInCheckoutWindow, startBillingE2e, type BillingE2e } from "./support/billing-e2e";

/**
 * The Subscription page in the dev host, as a PCA of a 14-user org: the trial bar, buying
 * Start through Chargebee's hosted checkout in a new window, upgrading to Team with the
 * estimate shown, moving to monthly billing and changing the users. Steps run in order.
 */
let e: BillingE2e;
let page: Page;
let frame: FrameLocator;
beforeAll(async () => {
  e = await startBillingE2e();
  await e.t.license(14);
}, 180_000);
afterAll(async () => {
  await e?.stop();
});

const field = (name: string) => frame.getByRole("group", { name, exact: true });
const planCard = (name: string) => frame.getByRole("group", { name: `${name} plan` });
/** "Your Order": its Buy Now, not the trial bar's. */
const yourOrder = () => frame.getByRole("region", { name: "Your Order", exact: true });

describe("Timetracker Subscription page", { timeout: 60_000 }, () => {
  it("shows the trial bar to a PCA, with why and Buy Now", async () => {
    ({ page, frame } = await e.openSubscription("priya.patel@fabrikam.example"));
    await expect.poll(() => frame.getByText("Timetracker Free Trial: 28 days left.").isVisible(), { timeout: 20_000 }).toBe(true);
    await frame.getByText("Why am I seeing this?").click();
    await expect.poll(() => frame.getByText(/you are a Project Collection Administrator/).isVisible()).toBe(true);
    await expect.poll(() => field("Current Plan").textContent()).toContain("Trial");
  });

  it("takes a PCA from the trial bar's Buy Now on the Timetracker hub to the Subscription page", async () => {
    const hub = await e.open("priya.patel@fabrikam.example", "#/hub");
    const hubFrame = hub.frameLocator('iframe[src*="hub.html"]');
    await hubFrame.locator(".trial-bar").getByRole("button", { name: "Buy Now" }).click({ timeout: 20_000 });
    await expect.poll(() => hub.url(), { timeout: 20_000 }).toContain("#/settings/");
    const subscription = hub.frameLocator('iframe[src*="subscription.html"]');
    await expect.poll(() => subscription.getByText("Activation Information").isVisible(), { timeout: 20_000 }).toBe(true);
    await hub.close();
  });

  it("shows neither the bar nor the page to someone who is not a PCA", async () => {
    const other = await e.openSubscription("marcus.johnson@fabrikam.example");
    await expect.poll(() => other.frame.getByText("This door is locked").isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await other.frame.getByText(/Free Trial/).count()).toBe(0);
    expect(await other.frame.getByRole("button", { name: "Buy Now" }).count()).toBe(0);
    await other.page.close();
  });

  it("buys Start for 14 users: plans that don't fit are greyed out, the checkout opens in a new window", async () => {
    await frame.locator(".trial-bar").getByRole("button", { name: "Buy Now" }).click();
    await expect.poll(() => frame.getByLabel("Users Assignable").inputValue()).toBe("14");
    await expect.poll(() => planCard("Free").textContent()).toContain("The Free plan is for at most 3 users, and 14 users are licensed now.");
    expect(await planCard("Ultimate").textContent()).toContain("The Ultimate plan requires at least 20 users.");
    expect(await planCard("Start").textContent()).toContain("$8 per user / month");
    await frame.getByRole("button", { name: "Buy Start" }).click();

    // Your Order defaults to Annual Billing; Monthly Billing compares.
    await expect.poll(() => frame.getByRole("radio", { name: "Annual Billing" }).getAttribute("aria-checked")).toBe("true");
    await expect.poll(() => frame.getByRole("group", { name: "Order amount" }).textContent()).toContain("$1,344.00 billed annually");
    await frame.getByRole("radio", { name: "Monthly Billing" }).click();
    await expect.poll(() => frame.getByRole("group", { name: "Order amount" }).textContent()).toContain("$126.00 billed monthly");
    await frame.getByRole("radio", { name: "Annual Billing" }).click();
    await expect.poll(() => frame.getByRole("group", { name: "Order amount" }).textContent()).toContain("$1,344.00 billed annually");
    await yourOrder().getByRole("button", { name: "Buy Now" }).click();

    await expect.poll(() => frame.getByRole("group", { name: "Order total" }).textContent()).toContain("Total: $1,344.00");
    const [popup] = await Promise.all([page.context().waitForEvent("page"), frame.getByRole("button", { name: "Proceed to Checkout" }).click()]);
    await payInCheckoutWindow(popup);
    await popup.close();

    await expect.poll(() => frame.getByText("Thank you! Your subscription is active.").isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await field("Current Plan").textContent()).toContain("Start");
    expect(await field("Billing").textContent()).toContain("Annual");
    expect(await field("Users").textContent()).toContain("14 licensed of 14 assignable");
    expect(await field("Next Billing").textContent()).toContain("$1,344.00");
    expect(await frame.getByText(/Free Trial/).count()).toBe(0);
  });

  it("upgrades to Team with Chargebee's estimate: the difference is billed immediately", async () => {
    await field("Current Plan").getByText("Change").click();
    await frame.getByRole("button", { name: "Upgrade Team" }).click();
    await expect.poll(() => frame.getByRole("group", { name: "Estimate" }).textContent()).toContain("Billed immediately: $840.00");
    await yourOrder().getByRole("button", { name: "Buy Now" }).click();
    await expect.poll(() => frame.getByText("Your subscription was changed.").isVisible()).toBe(true);
    expect(await field("Current Plan").textContent()).toContain("Team");
  });

  it("changes from annual to monthly billing, with Monthly preselected", async () => {
    await field("Billing").getByText("Change").click();
    await expect.poll(() => frame.getByRole("radio", { name: "Monthly Billing" }).getAttribute("aria-checked")).toBe("true");
    await expect.poll(() => frame.getByRole("group", { name: "Estimate" }).textContent()).toContain("Credit for your next invoices: $1,960.00");
    await yourOrder().getByRole("button", { name: "Change", exact: true }).click();
    await expect.poll(() => frame.getByText("Your subscription was changed.").isVisible()).toBe(true);
    expect(await field("Billing").textContent()).toContain("Monthly");
  });

  it("changes the users: the price follows Users Assignable, Continue, then Buy Now", async () => {
    await field("Users").getByText("Change").click();
    await frame.getByLabel("Users Assignable").fill("16");
    await expect.poll(() => planCard("Team").textContent()).toContain("$256.00 billed monthly");
    await frame.getByRole("button", { name: "Continue Team" }).click();
    await expect.poll(() => frame.getByRole("group", { name: "Order amount" }).textContent()).toContain("$256.00 billed monthly");
    await yourOrder().getByRole("button", { name: "Buy Now" }).click();
    await expect.poll(() => field("Users").textContent()).toContain("14 licensed of 16 assignable");
  });
});
