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
    await expect
      .poll(() => frame.getByText("Timetracker Free Trial: 28 days left.").isVisible(), { timeout: 20_000 })
      .toBe(true);
    await frame.getByText("Why am I seeing this?").click();
    const why = frame.getByRole("region", { name: "About the trial" });
    await expect.poll(() => why.getByText(/you are a Project Collection Administrator/).isVisible()).toBe(true);
    // What the trial includes and when it ends, who sees the bar, Buy Now, the plans and prices, where to get help.
    const ends = new Date(Date.now() + 28 * 86_400_000);
    const endDate = new Intl.DateTimeFormat("en-US", {
      year: "numeric",
      month: "long",
      day: "numeric",
      timeZone: "UTC",
    }).format(ends);
    expect(await why.textContent()).toContain("28-day free trial: every feature");
    expect(await why.textContent()).toMatch(new RegExp(`The trial ends on (${endDate}|[A-Z][a-z]+ \\d+, \\d{4})\\.`));
    expect(await why.textContent()).toContain("Only Project Collection Administrators see this bar");
    expect(await why.textContent()).toContain("Buy Now opens the plans");
    const plans = why.getByRole("list", { name: "Plans and prices" });
    await expect.poll(() => plans.getByRole("listitem").count(), { timeout: 20_000 }).toBe(4);
    expect(await plans.textContent()).toContain("Start: Up to 19 users, $8 per user / month with Annual Billing");
    expect(await plans.textContent()).toContain("Free: Up to 3 users, free");
    const help = why.getByRole("link", { name: /Q & A page of Timetracker in the Visual Studio Marketplace/ });
    expect(await help.getAttribute("href")).toMatch(
      /^https:\/\/marketplace\.visualstudio\.com\/items\?itemName=.+#qna$/,
    );
    expect(await help.getAttribute("target")).toBe("_blank");
    await expect.poll(() => field("Current Plan").textContent()).toContain("Trial");
  });

  it("takes a PCA from the trial bar's Buy Now on the Timetracker hub to the Subscription page", async () => {
    const hub = await e.open("priya.patel@fabrikam.example", "#/hub");
    const hubFrame = hub.frameLocator('iframe[src*="hub.html"]');
    await hubFrame
      .locator(".trial-bar")
      .getByRole("button", { name: "Buy Now: Choose a Plan" })
      .click({ timeout: 20_000 });
    await expect.poll(() => hub.url(), { timeout: 20_000 }).toContain("#/settings/");
    const subscription = hub.frameLocator('iframe[src*="subscription.html"]');
    await expect
      .poll(() => subscription.getByText("Activation Information").isVisible(), { timeout: 20_000 })
      .toBe(true);
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
    await expect
      .poll(() => planCard("Free").textContent())
      .toContain("The Free plan is for at most 3 users, and 14 users are licensed now.");
    expect(await planCard("Ultimate").textContent()).toContain("The Ultimate plan requires at least 20 users.");
    expect(await planCard("Start").textContent()).toContain("$8 per user / month");
    // Ultimate needs 20 users: its price is what 20 would cost, not 14.
    expect(await planCard("Ultimate").textContent()).toMatch(/From \$[\d,]+\.\d\d billed annually for 20 users/);
    // The four plans side by side, evenly.
    const boxes = await Promise.all(
      ["Free", "Start", "Team", "Ultimate"].map((name) =>
        frame.locator(".plan-card", { has: planCard(name) }).boundingBox(),
      ),
    );
    const widths = boxes.map((b) => Math.round(b!.width));
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
    expect(new Set(boxes.map((b) => Math.round(b!.y))).size).toBe(1);
    await frame.getByRole("button", { name: "Buy Start" }).click();

    // Your Order defaults to Annual Billing; Monthly Billing compares.
    await expect
      .poll(() => frame.getByRole("radio", { name: "Annual Billing" }).getAttribute("aria-checked"))
      .toBe("true");
    await expect
      .poll(() => frame.getByRole("group", { name: "Order amount" }).textContent())
      .toContain("$1,344.00 billed annually");
    await frame.getByRole("radio", { name: "Monthly Billing" }).click();
    await expect
      .poll(() => frame.getByRole("group", { name: "Order amount" }).textContent())
      .toContain("$126.00 billed monthly");
    await frame.getByRole("radio", { name: "Annual Billing" }).click();
    await expect
      .poll(() => frame.getByRole("group", { name: "Order amount" }).textContent())
      .toContain("$1,344.00 billed annually");
    // Two buttons start with Buy Now on this page; each says what it does, on screen and to screen readers.
    const barBuy = frame.locator(".trial-bar").getByRole("button", { name: /^Buy Now/ });
    const orderBuy = yourOrder().getByRole("button", { name: /^Buy Now/ });
    expect(await barBuy.textContent()).toBe("Buy Now: Choose a Plan");
    expect(await orderBuy.textContent()).toBe("Buy Now: Start for 14 users");
    expect(await frame.getByRole("button", { name: "Buy Now: Choose a Plan", exact: true }).count()).toBe(1);
    expect(await frame.getByRole("button", { name: "Buy Now: Start for 14 users", exact: true }).count()).toBe(1);
    await orderBuy.click();

    await expect
      .poll(() => frame.getByRole("group", { name: "Order total" }).textContent())
      .toContain("Total: $1,344.00");
    const [popup] = await Promise.all([
      page.context().waitForEvent("page"),
      frame.getByRole("button", { name: "Proceed to Checkout" }).click(),
    ]);
    await payInCheckoutWindow(popup);
    await popup.close();

    await expect
      .poll(() => frame.getByText("Thank you! Your subscription is active.").isVisible(), { timeout: 20_000 })
      .toBe(true);
    expect(await field("Current Plan").textContent()).toContain("Start");
    expect(await field("Billing").textContent()).toContain("Annual");
    expect(await field("Users").textContent()).toContain("14 licensed of 14 assignable");
    expect(await field("Next Billing").textContent()).toContain("$1,344.00");
    expect(await frame.getByText(/Free Trial/).count()).toBe(0);
  });

  it("upgrades to Team with Chargebee's estimate: the difference is billed immediately", async () => {
    await field("Current Plan").getByText("Change").click();
    await frame.getByRole("button", { name: "Upgrade Team" }).click();
    await expect
      .poll(() => frame.getByRole("group", { name: "Estimate" }).textContent())
      .toContain("Billed immediately: $840.00");
    await yourOrder().getByRole("button", { name: "Buy Now" }).click();
    await expect.poll(() => frame.getByText("Your subscription was changed.").isVisible()).toBe(true);
    expect(await field("Current Plan").textContent()).toContain("Team");
  });

  it("changes from annual to monthly billing, with Monthly preselected", async () => {
    await field("Billing").getByText("Change").click();
    await expect
      .poll(() => frame.getByRole("radio", { name: "Monthly Billing" }).getAttribute("aria-checked"))
      .toBe("true");
    await expect
      .poll(() => frame.getByRole("group", { name: "Estimate" }).textContent())
      .toContain("Credit for your next invoices: $1,960.00");
    await yourOrder().getByRole("button", { name: "Change", exact: true }).click();
    await expect.poll(() => frame.getByText("Your subscription was changed.").isVisible()).toBe(true);
    expect(await field("Billing").textContent()).toContain("Monthly");
  });

  it("changes the users: the price follows Users Assignable, Continue, then Buy Now", async () => {
    await field("Users").getByText("Change").click();
    await frame.getByLabel("Users Assignable").fill("16");
    await expect.poll(() => planCard("Team").textContent()).toContain("$256.00 billed monthly");
    await frame.getByRole("button", { name: "Continue Team" }).click();
    await expect
      .poll(() => frame.getByRole("group", { name: "Order amount" }).textContent())
      .toContain("$256.00 billed monthly");
    await yourOrder().getByRole("button", { name: "Buy Now" }).click();
    await expect.poll(() => field("Users").textContent()).toContain("14 licensed of 16 assignable");
  });
});
