import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrameLocator, Page } from "playwright-core";
import type { CheckoutStarted } from "../../../functions/contracts/billing";
import { completeCheckout } from "../../integration/billing/support/hosted-checkout";
import { requestId, setRole } from "../../integration/billing/support/billing-stack";
import { startBillingE2e, type BillingE2e } from "./support/billing-e2e";

/**
 * The Billing and Invoices tabs and "How to apply the Free plan" in the dev host, for a
 * 13-user org that bought Team (the purchase itself is driven in trial-and-purchase.test.ts).
 */
let e: BillingE2e;
let page: Page;
let frame: FrameLocator;
beforeAll(async () => {
  e = await startBillingE2e();
  await e.t.license(13);
  const started = await e.t.call<CheckoutStarted>(e.t.priya, "POST", "subscription/checkout", {
    plan: "team",
    period: "monthly",
    seats: 13,
    requestId: requestId(),
  });
  await completeCheckout(started.body.url);
  await e.t.call(e.t.priya, "POST", `subscription/checkout/${started.body.hostedPageId}/sync`);
  // An upgrade to annual billing leaves an invoice and a credit note beside the first invoice.
  await e.t.call(e.t.priya, "POST", "subscription/change", {
    plan: "team",
    period: "yearly",
    seats: 13,
    requestId: requestId(),
  });
  ({ page, frame } = await e.openSubscription("priya.patel@fabrikam.example"));
}, 180_000);
afterAll(async () => {
  await e?.stop();
});

const field = (name: string) => frame.getByRole("group", { name, exact: true });
const dialog = () => frame.getByRole("dialog");

describe("Billing, Invoices, Cancel and Free", { timeout: 60_000 }, () => {
  it("changes the billing address in the Manage Billing Address popup", async () => {
    await frame.getByRole("tab", { name: "Billing" }).click();
    await expect
      .poll(() => frame.getByRole("group", { name: "Billing Address" }).textContent(), { timeout: 20_000 })
      .toContain("1 Microsoft Way");
    await frame.getByRole("button", { name: "Manage Billing Address" }).click();
    await dialog().getByLabel("Address line 1").fill("2 Harbour Road");
    await dialog().getByLabel("City").fill("Dublin");
    await dialog().getByLabel("ZIP / postal code").fill("D02");
    await dialog().getByLabel("Country (two-letter code)").fill("IE");
    await dialog().getByRole("button", { name: "Update" }).click();
    await expect
      .poll(() => frame.getByRole("group", { name: "Billing Address" }).textContent())
      .toContain("2 Harbour Road");
    expect(e.t.chargebee.state.customers.get(e.t.priya.org.id)?.billing_address).toMatchObject({
      line1: "2 Harbour Road",
      city: "Dublin",
      country: "IE",
    });
  });

  it("changes the contact in the Manage Contact popup", async () => {
    await frame.getByRole("button", { name: "Manage Contact" }).click();
    await dialog().getByLabel("Email").fill("billing@fabrikam.example");
    await dialog().getByRole("button", { name: "Update" }).click();
    await expect
      .poll(() => frame.getByRole("group", { name: "Contact Info" }).textContent())
      .toContain("billing@fabrikam.example");
  });

  it("opens Chargebee's payment details page in a new window", async () => {
    expect(await frame.getByRole("group", { name: "Payment Details" }).textContent()).toContain("visa ending in 1111");
    const [popup] = await Promise.all([
      page.context().waitForEvent("page"),
      frame.getByRole("button", { name: "Adjust Payment Details" }).click(),
    ]);
    await popup.waitForLoadState();
    expect(popup.url().startsWith(e.t.chargebee.url)).toBe(true);
    await popup.close();
  });

  it("lists invoices and credit notes, each downloadable as a PDF", async () => {
    await frame.getByRole("tab", { name: "Invoices" }).click();
    const rows = frame.getByRole("row", { name: /^(Invoice|Credit Note) / });
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
    expect(await frame.getByRole("row", { name: /^Credit Note / }).count()).toBe(1);
    const [pdf] = await Promise.all([
      page.context().waitForEvent("page"),
      frame.getByRole("button", { name: "Download Invoice 1" }).click(),
    ]);
    const response = await pdf.request.get(pdf.url());
    expect(response.headers()["content-type"]).toContain("application/pdf");
    expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await pdf.close();
    const [printable] = await Promise.all([
      page.context().waitForEvent("page"),
      frame.getByRole("button", { name: /^Print Credit Note / }).click(),
    ]);
    expect(printable.url().startsWith(e.t.chargebee.url)).toBe(true);
    await printable.close();
  });

  it("cancels immediately: Current Plan shows Cancelled", async () => {
    await frame.getByRole("tab", { name: "Subscription" }).click();
    await frame.getByText("Cancel Subscription").click();
    expect(await dialog().getByRole("radio", { name: "Cancel Immediately" }).getAttribute("aria-checked")).toBe("true");
    await dialog().getByRole("button", { name: "Confirm Cancellation" }).click();
    await expect.poll(() => field("Current Plan").textContent()).toContain("Cancelled");
  });

  it("keeps Free greyed out while 13 users are licensed, with the way to Permissions", async () => {
    await frame.getByRole("button", { name: "Buy Now" }).click();
    const free = frame.getByRole("group", { name: "Free plan" });
    await expect
      .poll(() => free.textContent())
      .toContain("13 users are licensed now. Set 10 users to None on the Permissions page, then switch.");
    const toPermissions = frame.getByRole("button", { name: "Permissions: users with no time tracked in 90 days" });
    expect(await toPermissions.isEnabled()).toBe(true); // not greyed out with the plan
    expect(await frame.getByRole("button", { name: "Switch Free" }).count()).toBe(0);
  });

  it("switches to Free once users are reduced to 3", async () => {
    for (const who of e.t.users.slice(3)) await setRole(e.t, who, "None");
    await page.reload();
    await frame.getByRole("button", { name: "Buy Now" }).click();
    await frame.getByRole("button", { name: "Switch Free" }).click();
    await expect.poll(() => frame.getByText("The Free plan is applied and active.").isVisible()).toBe(true);
    expect(await field("Current Plan").textContent()).toContain("Free");
    expect(await field("Users").textContent()).toContain("3 licensed of 3, the Free plan's limit");
  });

  it("says what is true on Free: no bill, nothing to cancel, the limit of 3 users and Buy Now to upgrade", async () => {
    await page.reload();
    await expect.poll(() => field("Current Plan").textContent(), { timeout: 20_000 }).toContain("Free");
    expect(await field("Billing").textContent()).toContain("No bill: the Free plan costs nothing");
    expect(await frame.getByRole("group", { name: "Next Billing" }).count()).toBe(0);
    expect(await frame.getByText("$0.00").count()).toBe(0);
    expect(await frame.getByText("Monthly").count()).toBe(0);
    expect(await frame.getByText("Cancel Subscription").count()).toBe(0);
    expect(await frame.getByText("The Free plan is for at most 3 users.", { exact: false }).isVisible()).toBe(true);
    await frame.getByRole("button", { name: "Buy Now", exact: true }).click();
    await expect
      .poll(() => frame.getByRole("button", { name: "Buy Start" }).isVisible(), { timeout: 20_000 })
      .toBe(true);
  });
});
