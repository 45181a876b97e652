import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  changeBillingAddress,
  changeContactInfo,
  changePaymentDetails,
  findInvoices,
} from "./procedures/billing-details";
import { buyWhenTrialEnds } from "./procedures/buy";
import { changeBillingPeriod, changeNumberOfUsers, changePlanType } from "./procedures/change-subscription";
import { cancelForFreePlan, switchToFree } from "./procedures/free-plan";
import {
  addUsersByGroup,
  addUsersOneByOne,
  changeRolesOfSeveral,
  leaveThreeLicensed,
  setDefaultRole,
  viewLicensedUsers,
} from "./procedures/user-management";
import { albumMarkdown, ScreenshotAlbum, SCREENSHOT_DIR } from "./support/screenshots";
import { Tour } from "./support/tour";
import { startWalkthrough, type Walkthrough } from "./support/walkthrough-stack";

/**
 * The reference walkthrough: every numbered procedure of "User & Subscription Management"
 * (the product documentation we rebuild), in its order, as a new Project Collection
 * Administrator of fabrikam would follow it in the dev host, with the button labels the
 * document names. Each page passed is photographed to docs/screenshots/ and checked with
 * axe-core. The tests share one browser and one org: each procedure starts where the
 * previous one left off.
 */
let w: Walkthrough;
let album: ScreenshotAlbum;
let tour: Tour;

beforeAll(async () => {
  w = await startWalkthrough();
  album = new ScreenshotAlbum();
  tour = new Tour(w, album, "priya.patel@fabrikam.example");
}, 180_000);
afterAll(async () => {
  if (album?.shots.length) writeFileSync(path.join(SCREENSHOT_DIR, "README.md"), albumMarkdown(album.shots, "."));
  await w?.stop();
});

describe("reference walkthrough", { timeout: 120_000 }, () => {
  describe("User Management settings", () => {
    it("Licensed users - how to view and change user roles", () => viewLicensedUsers(tour));
    it("Unlicensed users - adding new users", () => addUsersOneByOne(tour));
    it("How to add multiple users in ADO or Active Directory Groups (1–4)", () => addUsersByGroup(tour));
    it("Licensed users: several users get a new role at once", () => changeRolesOfSeveral(tour));
    it("How to set the default role in 7pace Timetracker", () => setDefaultRole(tour));
  });

  describe("Subscription Management settings", () => {
    it("How to buy 7pace Timetracker when your trial ends (1–18)", () => buyWhenTrialEnds(tour));
    it("Change your 7pace Timetracker subscription plan type (1–4)", () => changePlanType(tour));
    it("How to change from annual to monthly billing (1–3)", () => changeBillingPeriod(tour));
    it("How to change the number of users on your 7pace Timetracker subscription (1–5)", () =>
      changeNumberOfUsers(tour));
    it("Change the billing address of your subscription (1–3)", () => changeBillingAddress(tour));
    it("Change the payment details on your subscription (1–4)", () => changePaymentDetails(tour));
    it("Change the contact information on your subscription (1–4)", () => changeContactInfo(tour));
    it("How to find 7pace Timetracker invoices or credit notes (1–2)", () => findInvoices(tour));
    it("How to Apply 7pace Timetracker's free subscription plan (1–4): cancel", () => cancelForFreePlan(tour));
    it("How to Apply 7pace Timetracker's free subscription plan (5–8): None for all but three users", () =>
      leaveThreeLicensed(tour, ["Priya Patel", "Marcus Johnson", "Aisha Okafor"]));
    it("How to Apply 7pace Timetracker's free subscription plan (9–10): Switch to Free", () => switchToFree(tour));
  });
});
