import { expect } from "vitest";
import type { Tour } from "../support/tour";

/** "How to Apply 7pace Timetracker's free subscription plan", steps 1–4 (cancel, then see Free greyed out). */
export async function cancelForFreePlan(tour: Tour): Promise<void> {
  // 1. Activation Information with the licensed users.
  await tour.goTo("subscription");
  await tour.see(tour.field("Users"));
  // 2. Cancel Subscription: Cancel Immediately is selected.
  await tour.frame.getByText("Cancel Subscription").click();
  const dialog = tour.frame.getByRole("dialog");
  await tour.see(dialog);
  expect(await dialog.getByRole("radio", { name: "Cancel Immediately" }).getAttribute("aria-checked")).toBe("true");
  await tour.visit("cancel-subscription", "Cancel Subscription: Cancel Immediately is selected by default");
  // 3. Confirm Cancellation: Current Plan reads Cancelled.
  await dialog.getByRole("button", { name: "Confirm Cancellation" }).click();
  await expect.poll(() => tour.field("Current Plan").textContent(), { timeout: 20_000 }).toContain("Cancelled");
  await tour.visit("cancelled", "Current Plan: Cancelled");
  // 4. Buy Now: with more than three licensed users, Free is greyed out.
  await tour.frame.getByRole("button", { name: "Buy Now" }).first().click();
  await tour.see(tour.frame.getByRole("group", { name: "Free plan" }));
  expect(await tour.frame.getByRole("group", { name: "Free plan" }).getAttribute("aria-disabled")).toBe("true");
  await tour.visit(
    "free-greyed-out",
    "Plan selection after cancelling: Free is greyed out while more than three users are licensed",
  );
}

/** Steps 9–10: back on Subscription, Free is available: Switch. */
export async function switchToFree(tour: Tour): Promise<void> {
  await tour.goTo("subscription");
  await tour.frame.getByRole("button", { name: "Buy Now" }).first().click();
  const free = tour.frame.getByRole("group", { name: "Free plan" });
  await tour.see(free);
  expect(await free.getAttribute("aria-disabled")).not.toBe("true");
  await tour.visit("free-available", "With three users or fewer licensed, the Free plan can be chosen");
  await tour.frame.getByRole("button", { name: "Switch Free" }).click();
  await expect.poll(() => tour.field("Current Plan").textContent(), { timeout: 20_000 }).toContain("Free");
  await tour.visit("free-active", "The Free plan is applied and active");
}
