import { expect } from "vitest";
import type { Locator } from "playwright-core";
import type { Tour } from "../support/tour";

/** People the walkthrough adds one by one in + Add Users (fabrikam's seed). */
export const ADDED_ONE_BY_ONE = ["Marcus Johnson", "Aisha Okafor", "Grace Wright", "Tom Becker"];
/** The Entra ID group added whole: 5 direct members and 4 through the nested Platform Team. */
export const GROUP = { name: "Engineering", members: 9 };

const licensedRow = (tour: Tour, name: string) =>
  tour.frame.getByRole("grid", { name: "Licensed users" }).getByRole("row", { name: new RegExp(name) });
const roleButton = (tour: Tour, role: string) =>
  tour.frame.getByRole("group", { name: "Assign role" }).getByRole("button", { name: role, exact: true });
const success = (tour: Tour) => tour.frame.getByText("Role was successfully changed").first();

async function tick(row: Locator): Promise<void> {
  await row.getByRole("checkbox", { name: "Select row" }).click();
}

/** "Licensed users - how to view and change user roles": the page, a user's current role and the roles on the right. */
export async function viewLicensedUsers(tour: Tour): Promise<void> {
  await tour.goTo("permissions");
  await tour.see(licensedRow(tour, "Priya Patel"));
  await tour.visit("permissions", "Organization Settings › Timetracker Permissions: the licensed users");
  await licensedRow(tour, "Priya Patel").getByRole("gridcell", { name: "Priya Patel" }).click();
  await tour.see(tour.frame.getByText("Current role: Administrator"));
  await tour.visit("current-role", "A user's current role, and the roles that can be assigned on the right");
}

/** "Unlicensed users - adding new users": + Add Users, select users, Assign Role, Add users. */
export async function addUsersOneByOne(tour: Tour): Promise<void> {
  await tour.frame.getByRole("button", { name: "Add Users" }).click();
  const panel = tour.frame.getByRole("grid", { name: "Unlicensed users" });
  await tour.see(panel.getByRole("row", { name: new RegExp(ADDED_ONE_BY_ONE[0]) }));
  for (const name of ADDED_ONE_BY_ONE) await tick(panel.getByRole("row", { name: new RegExp(name) }));
  await tour.visit("add-users", "+ Add Users: the unlicensed users, several selected, and Assign Role");
  await tour.frame.getByRole("button", { name: `Add users (${ADDED_ONE_BY_ONE.length})` }).click();
  for (const name of ADDED_ONE_BY_ONE) await tour.see(licensedRow(tour, name));
}

/** "How to add multiple users in ADO or Active Directory Groups", steps 1–4. */
export async function addUsersByGroup(tour: Tour): Promise<void> {
  // 1. Add Users.
  await tour.frame.getByRole("button", { name: "Add Users" }).click();
  await tour.frame.getByRole("tab", { name: "Group", exact: true }).click();
  // 2. Type the name of the group; once selected, its members show.
  await tour.frame.getByRole("textbox", { name: "Group name" }).fill(GROUP.name);
  await tour.frame.getByRole("button", { name: new RegExp(`^${GROUP.name} \\(`) }).click();
  const members = tour.frame.getByRole("grid", { name: `Members of ${GROUP.name}` });
  await tour.see(members.getByRole("row", { name: /Chloé Dubois/ }));
  // 3. Select all Unlicensed Users.
  await tour.frame.getByRole("checkbox", { name: "Select all Unlicensed Users" }).click();
  await tour.visit(
    "add-group",
    `Add Users › Group: the members of ${GROUP.name} (nested groups included), Select all Unlicensed Users`,
  );
  // 4. Assign the role to the group's users as they are now.
  await tour.frame.getByRole("button", { name: `Add users (${GROUP.members})` }).click();
  await tour.see(licensedRow(tour, "Chloé Dubois"));
  await expect
    .poll(() =>
      tour.frame
        .getByText(/licensed/)
        .first()
        .textContent(),
    )
    .toContain(`${1 + ADDED_ONE_BY_ONE.length + GROUP.members} licensed`);
}

/** Back to "Licensed users": several users selected get a new role at once, immediately. */
export async function changeRolesOfSeveral(tour: Tour): Promise<void> {
  await tick(licensedRow(tour, "Marcus Johnson"));
  await tick(licensedRow(tour, "Aisha Okafor"));
  await tour.see(tour.frame.getByText("2 users selected"));
  await roleButton(tour, "Product").click();
  await tour.see(success(tour));
  await expect.poll(() => licensedRow(tour, "Marcus Johnson").textContent()).toContain("Product");
  await tour.visit("roles-changed", "Two users selected, Product clicked: effective at once, nothing to save");
}

/** "How to set the default role in 7pace Timetracker". */
export async function setDefaultRole(tour: Tour): Promise<void> {
  await tour.frame.getByRole("button", { name: /^Default Role/ }).click();
  await tour.frame.getByRole("option", { name: "Product" }).click();
  await tour.see(success(tour));
  await tour.visit("default-role", "Default Role set to Product: everyone on Default has Product now");
}

/** "How to Apply ... free subscription plan", steps 5–8: None for all but three licensed users. */
export async function leaveThreeLicensed(tour: Tour, keep: string[]): Promise<void> {
  await tour.goTo("permissions");
  await tour.see(licensedRow(tour, "Priya Patel"));
  // 5.–6. Click the users' names (their check boxes) to select them.
  const rows = tour.frame.getByRole("grid", { name: "Licensed users" }).getByRole("rowgroup").nth(1).getByRole("row");
  let selected = 0;
  for (let i = 0; i < (await rows.count()); i++) {
    const text = (await rows.nth(i).textContent()) ?? "";
    if (keep.some((name) => text.includes(name))) continue;
    await tick(rows.nth(i));
    selected += 1;
  }
  // 6.–7. The roles on the right; None asks for confirmation.
  await roleButton(tour, "None").click();
  const dialog = tour.frame.getByRole("dialog");
  await tour.see(dialog.getByText("Assign the None role?"));
  await tour.visit("confirm-none", `None for ${selected} users: a confirmation says how many seats it frees`);
  // 8. Accept: three users are licensed.
  await dialog.getByRole("button", { name: "Assign None" }).click();
  await expect
    .poll(
      () =>
        tour.frame
          .getByText(/licensed/)
          .first()
          .textContent(),
      { timeout: 20_000 },
    )
    .toMatch(/^3 licensed/);
}
