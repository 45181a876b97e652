import { expect } from "vitest";
import type { Page } from "playwright-core";
import type { Tour } from "../support/tour";

/** "How to buy 7pace Timetracker when your trial ends", steps 1–18. */
export async function buyWhenTrialEnds(tour: Tour): Promise<void> {
  // 1. Settings › Subscription: the blue trial bar and the current plan, Trial.
  await tour.goTo("subscription");
  await tour.see(tour.frame.getByText(/Free Trial/));
  await expect.poll(() => tour.field("Current Plan").textContent()).toContain("Trial");
  await tour.visit(
    "subscription-trial",
    "Subscription page during the trial: the trial bar and Current Plan: Trial (PCAs only)",
  );

  // "For more information, click here": Why am I seeing this? shows additional options and links.
  await tour.frame.getByRole("button", { name: "Why am I seeing this?" }).click();
  await tour.see(
    tour.frame.getByRole("region", { name: "About the trial" }).getByRole("listitem").filter({ hasText: "Ultimate" }),
  );
  await tour.visit(
    "trial-why",
    "Why am I seeing this?: the trial and when it ends, who sees the bar, Buy Now, the plans and prices, where to get help",
  );
  await tour.frame.getByRole("button", { name: "Why am I seeing this?" }).click();

  // 2. Buy Now: plans that do not fit the number of users are greyed out.
  await tour.frame.getByRole("button", { name: "Buy Now" }).first().click();
  await tour.see(tour.frame.getByRole("group", { name: "Start plan" }));
  expect(await tour.frame.getByRole("group", { name: "Free plan" }).getAttribute("aria-disabled")).toBe("true");
  expect(await tour.frame.getByRole("group", { name: "Ultimate plan" }).getAttribute("aria-disabled")).toBe("true");
  await tour.visit("plan-selection", "Plan selection: only the plans that fit the licensed users can be bought");

  // 3. Buy on Start: the amount, annual by default; Monthly Billing to compare.
  await tour.frame.getByRole("button", { name: "Buy Start" }).click();
  const annual = tour.frame.getByRole("radio", { name: "Annual Billing" });
  await tour.see(annual);
  expect(await annual.getAttribute("aria-checked")).toBe("true");
  await tour.frame.getByRole("radio", { name: "Monthly Billing" }).click();
  await annual.click();
  await tour.visit("your-order", "Your Order: Annual Billing by default, Monthly Billing to compare");

  // 4. Buy Now with Annual Billing: the order total.
  await tour.frame
    .getByRole("region", { name: "Your Order", exact: true })
    .getByRole("button", { name: "Buy Now" })
    .click();
  await tour.see(tour.frame.getByRole("group", { name: "Order total" }));
  await tour.visit("order-total", "Your order total, before the checkout");

  // 5.–18. Proceed to Checkout: Chargebee's pages in a new window.
  const checkout = await tour.popupFrom(() => tour.frame.getByRole("button", { name: "Proceed to Checkout" }).click());
  await payInCheckout(tour, checkout);

  await tour.see(tour.frame.getByText("Thank you! Your subscription is active."));
  expect(await tour.field("Current Plan").textContent()).toContain("Start");
  await tour.visit("activation-start", "Activation Information after the purchase: Start, billed annually");
}

async function payInCheckout(tour: Tour, checkout: Page): Promise<void> {
  const next = () => checkout.getByRole("button", { name: "Next" }).click();
  // 5. Add your account details.
  await checkout.getByRole("heading", { name: "Add your account details" }).waitFor();
  await tour.visitOther(checkout, "checkout-account", "Checkout (Chargebee): Add your account details");
  // 6. Account details, Next.
  await checkout.getByLabel("First name").fill("Priya");
  await checkout.getByLabel("Last name").fill("Patel");
  await checkout.getByLabel("Email").fill("priya.patel@fabrikam.example");
  await next();
  // 7. Billing information, Next.
  await checkout.getByRole("heading", { name: "Billing details" }).waitFor();
  await tour.visitOther(checkout, "checkout-billing", "Checkout (Chargebee): billing details");
  await checkout.getByLabel("Address line 1").fill("1 Microsoft Way");
  await checkout.getByLabel("City").fill("Redmond");
  await checkout.getByLabel("ZIP / Postal code").fill("98052");
  await checkout.getByLabel("Country").selectOption("US");
  await next();
  // 17. Payment details, Next.
  await checkout.getByRole("heading", { name: "Payment details" }).waitFor();
  await tour.visitOther(checkout, "checkout-payment", "Checkout (Chargebee): payment details");
  await checkout.getByLabel("Card number").fill("4111 1111 1111 1111");
  await checkout.getByLabel("Expiry (MM/YY)").fill("12/39");
  await checkout.getByLabel("CVC").fill("123");
  await next();
  // 18. Terms of Service and Privacy Policy, Pay & subscribe.
  await checkout.getByRole("heading", { name: "Summary" }).waitFor();
  await checkout.getByLabel("I agree to the Terms of Service and Privacy Policy").check();
  await tour.visitOther(
    checkout,
    "checkout-summary",
    "Checkout (Chargebee): summary, Terms of Service and Pay & subscribe",
  );
  await checkout.getByRole("button", { name: "Pay & subscribe" }).click();
  await checkout.getByRole("heading", { name: "Thank you for your purchase!" }).waitFor();
  await checkout.close();
}
