import { expect } from "vitest";
import type { Tour } from "../support/tour";

async function openBillingTab(tour: Tour): Promise<void> {
  // 1. Settings › Subscription; 2. Billing at the top of the page.
  await tour.goTo("subscription");
  await tour.see(tour.frame.getByRole("tab", { name: "Billing" }));
  await tour.frame.getByRole("tab", { name: "Billing" }).click();
  await tour.see(tour.frame.getByRole("group", { name: "Billing Address" }));
}

/** "Change the billing address of your subscription", steps 1–3 and Update. */
export async function changeBillingAddress(tour: Tour): Promise<void> {
  await openBillingTab(tour);
  await tour.visit("billing-tab", "Billing: Billing Address, Payment Details and Contact Info, kept in Chargebee");
  await tour.frame.getByRole("button", { name: "Manage Billing Address" }).click();
  const dialog = tour.frame.getByRole("dialog");
  await tour.see(dialog);
  await dialog.getByLabel("Address line 1").fill("15010 NE 36th Street");
  await tour.visit("billing-address", "Manage Billing Address: edit the address, then Update");
  await dialog.getByRole("button", { name: "Update" }).click();
  await expect
    .poll(() => tour.frame.getByRole("group", { name: "Billing Address" }).textContent())
    .toContain("15010 NE 36th Street");
}

/** "Change the payment details on your subscription", steps 1–4. */
export async function changePaymentDetails(tour: Tour): Promise<void> {
  await openBillingTab(tour);
  const hosted = await tour.popupFrom(() => tour.frame.getByRole("button", { name: "Adjust Payment Details" }).click());
  await hosted.getByRole("heading", { name: "Payment details" }).waitFor();
  await hosted.getByLabel("Card number").fill("5555 5555 5555 4444");
  await hosted.getByLabel("Expiry (MM/YY)").fill("10/38");
  await hosted.getByLabel("CVC").fill("321");
  await tour.visitOther(hosted, "payment-details", "Adjust Payment Details (Chargebee): type the card, then Add");
  await hosted.getByRole("button", { name: "Add" }).click();
  await hosted.getByRole("heading", { name: "Your card was added" }).waitFor();
  await hosted.close();
}

/** "Change the contact information on your subscription", steps 1–4. */
export async function changeContactInfo(tour: Tour): Promise<void> {
  await openBillingTab(tour);
  await tour.frame.getByRole("button", { name: "Manage Contact" }).click();
  const dialog = tour.frame.getByRole("dialog");
  await tour.see(dialog);
  await dialog.getByLabel("Phone").fill("+1 425 555 0100");
  await tour.visit("contact-info", "Manage Contact: change the contact, then Update");
  await dialog.getByRole("button", { name: "Update" }).click();
  await expect
    .poll(() => tour.frame.getByRole("group", { name: "Contact Info" }).textContent())
    .toContain("+1 425 555 0100");
}

/** "How to find 7pace Timetracker invoices or credit notes", steps 1–2. */
export async function findInvoices(tour: Tour): Promise<void> {
  await tour.goTo("subscription");
  await tour.see(tour.frame.getByRole("tab", { name: "Invoices" }));
  await tour.frame.getByRole("tab", { name: "Invoices" }).click();
  const download = tour.frame.getByRole("button", { name: /^Download / });
  await tour.see(download);
  await tour.visit("invoices", "Invoices: every invoice and credit note, to download or print");
  const pdf = await tour.popupFrom(() => download.first().click());
  expect(pdf.url()).toMatch(/^http/);
  await pdf.close();
}
