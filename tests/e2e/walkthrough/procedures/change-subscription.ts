import { expect } from "vitest";
import type { Tour } from "../support/tour";

const yourOrder = (tour: Tour) => tour.frame.getByRole("region", { name: "Your Order", exact: true });

/** "Change your 7pace Timetracker subscription plan type", steps 1–4. */
export async function changePlanType(tour: Tour): Promise<void> {
  await tour.goTo("subscription");
  await tour.see(tour.field("Current Plan"));
  await tour.field("Current Plan").getByText("Change").click();
  await tour.see(tour.frame.getByRole("button", { name: "Upgrade Team" }));
  await tour.visit("change-plan", "Change under Current Plan: the plans for the users assignable");
  await tour.frame.getByRole("button", { name: "Upgrade Team" }).click();
  await tour.see(tour.frame.getByRole("group", { name: "Estimate" }).getByText(/Billed immediately/));
  await tour.visit("upgrade-estimate", "Upgrading Start to Team: the difference is billed immediately");
  await yourOrder(tour).getByRole("button", { name: "Buy Now" }).click();
  await tour.see(tour.frame.getByText("Your subscription was changed."));
  expect(await tour.field("Current Plan").textContent()).toContain("Team");
  await tour.visit("activation-team", "Activation Information with the Team plan");
}

/** "How to change from annual to monthly billing", steps 1–3. */
export async function changeBillingPeriod(tour: Tour): Promise<void> {
  await tour.goTo("subscription");
  await tour.see(tour.field("Billing"));
  await tour.field("Billing").getByText("Change").click();
  const monthly = tour.frame.getByRole("radio", { name: "Monthly Billing" });
  await tour.see(monthly);
  expect(await monthly.getAttribute("aria-checked")).toBe("true");
  await tour.visit("billing-period", "Change under Billing: Your Order with the other billing period preselected");
  await yourOrder(tour).getByRole("button", { name: "Change", exact: true }).click();
  await tour.see(tour.frame.getByText("Your subscription was changed."));
  expect(await tour.field("Billing").textContent()).toContain("Monthly");
}

/** "How to change the number of users on your 7pace Timetracker subscription", steps 1–5. */
export async function changeNumberOfUsers(tour: Tour): Promise<void> {
  await tour.goTo("subscription");
  await tour.see(tour.field("Users"));
  const before = await tour.field("Users").textContent();
  await tour.field("Users").getByText("Change").click();
  const assignable = tour.frame.getByLabel("Users Assignable");
  await tour.see(assignable);
  const teamPrice = () => tour.frame.getByRole("group", { name: "Team plan" }).textContent();
  const priceBefore = await teamPrice();
  // 3. The up arrow adds users; the plan amounts follow.
  await assignable.press("ArrowUp");
  await assignable.press("ArrowUp");
  await expect.poll(teamPrice).not.toBe(priceBefore);
  await tour.visit("users-assignable", "Users Assignable: the plan amounts follow the number of users");
  await tour.frame.getByRole("button", { name: "Continue Team" }).click();
  await tour.see(yourOrder(tour));
  await tour.visit("users-order", "Your Order for the new number of users");
  await yourOrder(tour).getByRole("button", { name: "Buy Now" }).click();
  await expect.poll(() => tour.field("Users").textContent()).not.toBe(before);
}
