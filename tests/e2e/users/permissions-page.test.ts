import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrameLocator, Locator, Page } from "playwright-core";
import { seriousViolations } from "../walkthrough/support/accessibility";
import { PERMISSIONS, permissionsFrame, screenshot, startUsersE2e, type UsersE2e } from "./support/users-e2e";

/**
 * The Timetracker Permissions page in the dev host, as a PCA (who is also the first user and
 * an Administrator), as an Administrator who is not a PCA, and as a Team member (denied).
 */
let e: UsersE2e;
beforeAll(async () => {
  e = await startUsersE2e();
}, 180_000);
afterAll(async () => {
  await e?.stop();
});

const PRIYA = "priya.patel@fabrikam.example";
const MARCUS = "marcus.johnson@fabrikam.example";
const LIAM = "liam.oconnor@fabrikam.example";

const row = (f: FrameLocator | Locator, name: string) => f.getByRole("row", { name: new RegExp(name) });
const roleButton = (f: FrameLocator, name: string) =>
  f.getByRole("group", { name: "Assign role" }).getByRole("button", { name, exact: true });

async function openAs(email: string): Promise<{ f: FrameLocator; page: Page; close: () => Promise<void> }> {
  const page = await e.open(email, PERMISSIONS);
  const f = permissionsFrame(page);
  return { f, page, close: () => page.close() };
}

describe("as a Project Collection Administrator", { timeout: 60_000 }, () => {
  it("lists licensed users with their roles and the seats, and finds users by name or email", async () => {
    const { f, close } = await openAs(PRIYA);
    await row(f, "Marcus Johnson").waitFor({ timeout: 20_000 });
    expect(await row(f, "Marcus Johnson").textContent()).toContain("Administrator");
    expect(await row(f, "Liam O'Connor").textContent()).toContain("Team");
    expect(await f.getByText("3 licensed").count()).toBe(1);
    expect(await row(f, "Daniel Kim").count()).toBe(0); // None: no seat
    await f.getByRole("textbox", { name: /Search licensed users/ }).fill("LIAM.O");
    await expect.poll(() => f.getByRole("row").count(), { timeout: 10_000 }).toBe(2); // header + Liam
    await close();
  });

  it("changes a role at once when a role is clicked, and confirms None with the seats it frees", async () => {
    const { f, page, close } = await openAs(PRIYA);
    await row(f, "Liam O'Connor").getByRole("checkbox").click();
    await f.getByText("Current role: Team").waitFor();
    // Before any click: what None would free, then what the role under the pointer does.
    await f.getByText("None: Frees 1 seat").waitFor({ timeout: 10_000 });
    await roleButton(f, "Product").hover();
    await f.getByText("Product: Changes no seats").waitFor({ timeout: 10_000 });
    await screenshot(page, "role-picker-impact");
    await roleButton(f, "Product").click();
    await f.getByText("Role was successfully changed").waitFor({ timeout: 10_000 });
    await expect.poll(() => row(f, "Liam O'Connor").textContent()).toContain("Product");

    await row(f, "Liam O'Connor").getByRole("checkbox").click();
    await roleButton(f, "None").click();
    const dialog = f.getByRole("dialog");
    await dialog.getByText("Frees 1 seat.").waitFor();
    await screenshot(page, "confirm-none");
    await dialog.getByRole("button", { name: "Assign None" }).click();
    await expect.poll(() => row(f, "Liam O'Connor").count(), { timeout: 10_000 }).toBe(0);
    expect(await f.getByText("2 licensed").count()).toBe(1);
    await close();
  });

  it("adds unlicensed users with + Add Users and Assign Role", async () => {
    const { f, close } = await openAs(PRIYA);
    await f.getByRole("button", { name: "Add Users", exact: true }).click();
    const panel = f.getByRole("dialog");
    await row(panel, "Aisha Okafor").getByRole("checkbox").click({ timeout: 20_000 });
    await row(panel, "Mei Chen").getByRole("checkbox").click();
    await panel.getByText("No seat limit during the trial").waitFor({ timeout: 10_000 });
    await panel.getByRole("button", { name: "Assign Role: Default (Team)" }).click();
    await f.getByRole("option", { name: "Budget" }).click();
    await panel.getByRole("button", { name: "Add users (2)" }).click();
    await f.getByText("Role was successfully changed").waitFor({ timeout: 10_000 });
    expect(await f.getByRole("dialog").count()).toBe(0);
    await expect.poll(() => row(f, "Aisha Okafor").textContent(), { timeout: 10_000 }).toContain("Budget");
    expect(await row(f, "Mei Chen").textContent()).toContain("Budget");
    await close();
  });

  it("adds the unlicensed members of a group, nested groups included", async () => {
    const { f, close } = await openAs(PRIYA);
    await f.getByRole("button", { name: "Add Users", exact: true }).click();
    const panel = f.getByRole("dialog");
    await panel.getByRole("tab", { name: "Group" }).click();
    await panel.getByRole("textbox", { name: "Group name" }).fill("Engin");
    await panel.getByRole("button", { name: /Engineering \(Microsoft Entra ID\)/ }).click({ timeout: 10_000 });
    await row(panel, "Chloé Dubois").waitFor({ timeout: 10_000 }); // in Platform Team, inside Engineering
    expect(await row(panel, "Mei Chen").textContent()).toContain("Budget"); // licensed already
    await panel.getByRole("checkbox", { name: "Select all Unlicensed Users" }).click();
    await panel.getByRole("button", { name: "Add users (8)" }).click();
    await f.getByText("Role was successfully changed").waitFor({ timeout: 10_000 });
    await expect.poll(() => row(f, "Chloé Dubois").textContent(), { timeout: 10_000 }).toContain("Default (Team)");
    await close();
  });

  it("changes the Default Role: everyone on Default follows at once", async () => {
    const { f, close } = await openAs(PRIYA);
    await row(f, "Chloé Dubois").waitFor({ timeout: 20_000 });
    await f.getByRole("button", { name: "Default Role: Team" }).click();
    await f.getByRole("option", { name: "Product" }).click();
    await f.getByText("Role was successfully changed").waitFor({ timeout: 10_000 });
    await expect.poll(() => row(f, "Chloé Dubois").textContent(), { timeout: 10_000 }).toContain("Default (Product)");
    await close();
  });

  it("shows the audit trail, newest first", async () => {
    const { f, close } = await openAs(PRIYA);
    await f.getByRole("tab", { name: "Audit trail" }).click();
    const entries = f.getByRole("list", { name: "Role changes, newest first" }).getByRole("listitem");
    await entries.first().waitFor({ timeout: 10_000 });
    expect(await entries.first().textContent()).toMatch(
      /Priya Patel changed the Default Role from Team to Product \(Default Role\)/,
    );
    expect(await f.getByText(/set Liam O'Connor from Team to Product/).count()).toBe(1);
    await close();
  });

  it("can be used with the keyboard alone", async () => {
    const page = await e.open(PRIYA, PERMISSIONS);
    const f = permissionsFrame(page);
    const search = f.getByRole("textbox", { name: /Search licensed users/ });
    await search.fill("grace");
    await search.fill(""); // the list is back to everyone
    await row(f, "Marcus Johnson").waitFor({ timeout: 10_000 });
    await row(f, "Marcus Johnson").focus();
    await page.keyboard.press("Space");
    await f.getByText("Current role: Administrator").waitFor();
    await roleButton(f, "Budget").focus();
    await page.keyboard.press("Enter");
    await f.getByText("Role was successfully changed").waitFor({ timeout: 10_000 });
    await expect.poll(() => row(f, "Marcus Johnson").textContent()).toContain("Budget");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe("as an Administrator who is not a PCA", { timeout: 60_000 }, () => {
  it("manages roles, without the Subscription link, and cannot set the service account", async () => {
    await e.u.call(e.u.priya, "POST", "users/roles", { role: "Administrator", userIds: [e.u.marcus.user.id] });
    const { f, close } = await openAs(MARCUS);
    await row(f, "Aisha Okafor").getByRole("checkbox").click({ timeout: 20_000 });
    await roleButton(f, "Team").click();
    await f.getByText("Role was successfully changed").waitFor({ timeout: 10_000 });
    await expect.poll(() => row(f, "Aisha Okafor").textContent()).toContain("Team");
    expect(await f.getByRole("link", { name: "Subscription" }).count()).toBe(0);
    await f.getByRole("tab", { name: "Service account" }).click();
    await f.getByText("Only Project Collection Administrators can set the service account.").waitFor();
    await close();
  });
});

describe("as a Team member", { timeout: 60_000 }, () => {
  it("sees why the page is closed instead of its controls", async () => {
    await e.u.call(e.u.priya, "POST", "users/roles", { role: "Team", userIds: [e.u.liam.user.id] });
    const { f, close } = await openAs(LIAM);
    await f.getByText("This door is locked").waitFor({ timeout: 20_000 });
    expect(
      await f
        .getByText(/Only Project Collection Administrators and Timetracker Administrators can manage Timetracker users/)
        .count(),
    ).toBe(1);
    expect(await f.getByRole("button", { name: "Add Users" }).count()).toBe(0);
    expect(await f.getByRole("grid").count()).toBe(0);
    await close();
  });
});
