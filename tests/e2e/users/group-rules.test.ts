import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrameLocator, Page } from "playwright-core";
import { seriousViolations } from "../walkthrough/support/accessibility";
import { email, ok, setPlan, subscription } from "../../integration/users/support/users-stack";
import { PERMISSIONS, permissionsFrame, startUsersE2e, type UsersE2e } from "./support/users-e2e";

/**
 * Permissions › Group rules in the browser, as Priya (PCA and Administrator): a rule for the
 * Entra group Platform Team is previewed (too few seats, then enough) and saved; a member
 * added to the group in Azure DevOps (the stand-in's dev endpoint, as an administrator would)
 * waits for a seat while none is free and is licensed by Sync now once one is, and frees it
 * again when they leave; a rule that cannot read its group says so and warns PCAs; deleting a
 * rule says first who loses their license; removing many members at once waits for Confirm
 * removals. The org is on a plan so the seats can be read off the page: Priya, Marcus and
 * Liam hold 3 seats before the first rule. The tests run in order on one org.
 */
let e: UsersE2e;

const PRIYA = "priya.patel@fabrikam.example";
const PLATFORM_TEAM = "[TEAM FOUNDATION]\\Platform Team";
const NOAH = "noah.williams@fabrikam.example";

beforeAll(async () => {
  e = await startUsersE2e();
  // Rules read their groups with the service account, as every later sync will.
  await ok(
    e.u.call(e.u.priya, "POST", "users/service-account", {
      pat: e.u.stack.devops.state.createPat("fabrikam", email("priya.patel")),
    }),
  );
}, 180_000);
afterAll(async () => {
  await e?.stop();
});

/** Adds or removes a direct member through the stand-in's dev endpoints (what an administrator does in Azure DevOps). */
async function groupMember(method: "POST" | "DELETE", group: string, member: string): Promise<void> {
  const members = `${e.u.stack.devops.url}/_dev/orgs/fabrikam/groups/${encodeURIComponent(group)}/members`;
  const response =
    method === "POST"
      ? await fetch(members, {
          method,
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ member }),
        })
      : await fetch(`${members}/${encodeURIComponent(member)}`, { method });
  if (!response.ok) throw new Error(`${method} ${members}: ${response.status} ${await response.text()}`);
}

async function openGroupRules(page: Page): Promise<FrameLocator> {
  const f = permissionsFrame(page);
  await f.getByRole("tab", { name: "Group rules" }).click({ timeout: 20_000 });
  return f;
}

const ruleCard = (f: FrameLocator, group: string) =>
  f.getByRole("list", { name: "Group rules" }).getByRole("listitem").filter({ hasText: group });
const seats = (f: FrameLocator, available: number, of = 10) => f.getByText(`${available} of ${of} seats available`);

describe("group rules as a Project Collection Administrator", { timeout: 90_000 }, () => {
  it("previews a rule for an Entra group, saves it, and the rule licenses the group's members", async () => {
    await setPlan(e.u.priya.org.id, subscription(5)); // 2 seats free: too few for the group's 4
    const page = await e.open(PRIYA, PERMISSIONS);
    try {
      const f = await openGroupRules(page);
      await f.getByText("No group rules yet.", { exact: false }).waitFor({ timeout: 20_000 });
      await f.getByRole("button", { name: "Add rule" }).click();
      const panel = f.getByRole("dialog");
      await panel.getByRole("textbox", { name: "Group name" }).fill("Platform");
      await panel.getByRole("button", { name: /^Platform Team \(Microsoft Entra ID\)/ }).click({ timeout: 10_000 });
      expect(await panel.getByRole("button", { name: "Role: Team" }).count()).toBe(1);

      const preview = panel.getByRole("region", { name: "Preview" });
      await preview.getByText("New licenses: 4").waitFor({ timeout: 20_000 });
      expect(await preview.textContent()).toMatch(/Platform Team has 4 users now, nested groups included/);
      expect(await preview.textContent()).toMatch(/Chloé Dubois/);
      // An Entra group's changes reach Azure DevOps late: the preview says so before anyone waits for a sync.
      expect(await preview.textContent()).toMatch(
        /Changes to this Microsoft Entra group reach Azure DevOps within about an hour/,
      );
      await preview.getByText(/Seats: Needs 2 more seats than are free \(2 of 5 free\)/).waitFor();
      const addSeats = preview.getByRole("link", { name: "Add seats on the Subscription page" });
      expect(await addSeats.getAttribute("href")).toMatch(/timetracker-subscription-hub\?users=7$/); // 3 licensed + 4
      expect(await panel.getByRole("button", { name: "Save rule" }).isDisabled()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]); // the panel with a preview that does not fit

      // Seats bought meanwhile: a new preview (another role, then Team again) fits.
      await setPlan(e.u.priya.org.id, subscription(10));
      await panel.getByRole("button", { name: "Role: Team" }).click();
      await f.getByRole("option", { name: "Product", exact: true }).click();
      await preview.getByText(/Seats: Uses 4 of 7 free seats/).waitFor({ timeout: 20_000 });
      await panel.getByRole("button", { name: "Role: Product" }).click();
      await f.getByRole("option", { name: "Team", exact: true }).click();
      await preview.getByText(/licenses them as Team/).waitFor({ timeout: 20_000 });
      await preview.getByText(/Seats: Uses 4 of 7 free seats/).waitFor({ timeout: 20_000 });
      expect(await preview.getByRole("link").count()).toBe(0);

      await panel.getByRole("button", { name: "Save rule" }).click();
      await f.getByText(/4 members got the rule's role\./).waitFor({ timeout: 30_000 });
      expect(await f.getByRole("dialog").count()).toBe(0);
      const card = ruleCard(f, "Platform Team");
      await expect.poll(() => card.textContent(), { timeout: 10_000 }).toMatch(/4 licensed/);
      expect(await card.textContent()).toMatch(/Role\s*Team/);
      expect(await card.textContent()).toMatch(/Synced /);
      await seats(f, 3).waitFor({ timeout: 10_000 });
      expect(await seriousViolations(page)).toEqual([]); // the tab with a rule
    } finally {
      await page.close();
    }
  });

  it("can be used with the keyboard alone, and shows the server's reason when it refuses", async () => {
    const page = await e.open(PRIYA, PERMISSIONS);
    try {
      const f = await openGroupRules(page);
      await f.getByRole("button", { name: "Add rule" }).focus({ timeout: 20_000 });
      await page.keyboard.press("Enter");
      const panel = f.getByRole("dialog");
      // The panel opens with the keyboard in the group search.
      await expect
        .poll(
          () => panel.getByRole("textbox", { name: "Group name" }).evaluate((el) => el === document.activeElement),
          { timeout: 5_000 },
        )
        .toBe(true);
      await page.keyboard.type("Platform");
      await panel.getByRole("button", { name: /^Platform Team \(Microsoft Entra ID\)/ }).focus({ timeout: 10_000 });
      await page.keyboard.press("Enter");
      // One rule per group: the server refuses the preview and the panel says why.
      await panel.getByText(/The group "Platform Team" has a rule already/).waitFor({ timeout: 20_000 });
      expect(await panel.getByRole("button", { name: "Save rule" }).isDisabled()).toBe(true);
      // Escape on an azure-devops-ui button blurs it (by design there); the next Escape closes the panel.
      await panel.getByRole("button", { name: "Cancel" }).focus();
      await page.keyboard.press("Escape");
      expect(await f.getByRole("dialog").count()).toBe(1);
      await page.keyboard.press("Escape");
      await expect.poll(() => f.getByRole("dialog").count(), { timeout: 5_000 }).toBe(0);
      // And Cancel closes it from the keyboard too.
      await f.getByRole("button", { name: "Add rule" }).focus();
      await page.keyboard.press("Enter");
      await panel.getByRole("button", { name: "Cancel" }).focus({ timeout: 10_000 });
      await page.keyboard.press("Enter");
      await expect.poll(() => f.getByRole("dialog").count(), { timeout: 5_000 }).toBe(0);

      await f.getByRole("button", { name: "Sync now: Platform Team" }).focus();
      await page.keyboard.press("Enter");
      await f.getByText(/Nobody's role changed\./).waitFor({ timeout: 30_000 });
    } finally {
      await page.close();
    }
  });

  it("licenses a member added to the group on Sync now, and frees the seat when they leave", async () => {
    await setPlan(e.u.priya.org.id, subscription(7)); // every seat taken
    const page = await e.open(PRIYA, PERMISSIONS);
    try {
      const f = await openGroupRules(page);
      await groupMember("POST", PLATFORM_TEAM, NOAH);
      await f.getByRole("button", { name: "Sync now: Platform Team" }).click({ timeout: 20_000 });
      await f.getByText(/Nobody's role changed\..*waits? for a seat/).waitFor({ timeout: 30_000 });
      const card = ruleCard(f, "Platform Team");
      await expect.poll(() => card.textContent(), { timeout: 10_000 }).toMatch(/1 user waiting for a seat/);
      await card.getByRole("button", { name: "Show in order" }).click();
      const waiting = card.getByRole("list", { name: "Waiting for a seat, first in line first" });
      expect(await waiting.getByRole("listitem").allTextContents()).toEqual([`1. Noah Williams ${NOAH}`]);
      await seats(f, 0, 7).waitFor();
      // The way to the seat Noah needs: the Subscription page for 8 users.
      const addSeats = card.getByRole("link", { name: "Add 1 seat on the Subscription page" });
      expect(await addSeats.getAttribute("href")).toMatch(/timetracker-subscription-hub\?users=8$/);

      await setPlan(e.u.priya.org.id, subscription(10)); // seats bought: the next sync seats Noah
      await f.getByRole("button", { name: "Sync now: Platform Team" }).click();
      await f.getByText(/1 member got the rule's role\./).waitFor({ timeout: 30_000 });
      expect(await card.textContent()).not.toMatch(/waiting for a seat/);
      await expect.poll(() => ruleCard(f, "Platform Team").textContent(), { timeout: 10_000 }).toMatch(/5 licensed/);
      await seats(f, 2).waitFor({ timeout: 10_000 });

      await f.getByRole("tab", { name: "Licensed users" }).click();
      const noah = f.getByRole("grid", { name: "Licensed users" }).getByRole("row", { name: /Noah Williams/ });
      await expect.poll(() => noah.textContent(), { timeout: 10_000 }).toContain("Team");

      await groupMember("DELETE", PLATFORM_TEAM, NOAH);
      await f.getByRole("tab", { name: "Group rules" }).click();
      await f.getByRole("button", { name: "Sync now: every rule" }).click();
      await f.getByText("1 rule synced: 1 member lost their rule's role.").waitFor({ timeout: 30_000 });
      await expect.poll(() => ruleCard(f, "Platform Team").textContent(), { timeout: 30_000 }).toMatch(/4 licensed/);
      await seats(f, 3).waitFor({ timeout: 10_000 });
      await f.getByRole("tab", { name: "Licensed users" }).click();
      await expect.poll(() => noah.count(), { timeout: 10_000 }).toBe(0);
    } finally {
      await page.close();
    }
  });

  it("shows a rule that cannot read its group, since when, and warns PCAs on the page", async () => {
    await ok(e.u.call(e.u.priya, "DELETE", "users/service-account"));
    const page = await e.open(PRIYA, PERMISSIONS, { theme: "dark" });
    try {
      const f = await openGroupRules(page);
      await f.getByRole("button", { name: "Sync now: Platform Team" }).click({ timeout: 20_000 });
      await f.getByText(/Could not read the group, so nobody was removed/).waitFor({ timeout: 30_000 });
      const card = ruleCard(f, "Platform Team");
      await expect.poll(() => card.textContent(), { timeout: 10_000 }).toMatch(/Since .+: .*service account/i);
      expect(await card.textContent()).toMatch(/4 licensed/); // nobody removed
      await f.getByText(/The group rule "Platform Team" cannot read its group since/).waitFor({ timeout: 10_000 });
      expect(await seriousViolations(page)).toEqual([]); // the tab with a problem, dark theme
    } finally {
      await ok(
        e.u.call(e.u.priya, "POST", "users/service-account", {
          pat: e.u.stack.devops.state.createPat("fabrikam", email("priya.patel")),
        }),
      );
      await page.close();
    }
  });

  it("asks before deleting a rule, saying how many users lose their license", async () => {
    const page = await e.open(PRIYA, PERMISSIONS);
    try {
      const f = await openGroupRules(page);
      await f.getByRole("button", { name: "Delete the rule for Platform Team" }).click({ timeout: 20_000 });
      const dialog = f.getByRole("dialog");
      await dialog.getByText("Lose their license: 4 users", { exact: false }).waitFor({ timeout: 20_000 });
      expect(await dialog.textContent()).toMatch(/4 users lose their license and become None/);
      await dialog.getByRole("button", { name: "Delete rule" }).click();
      await f.getByText(/The rule for "Platform Team" is deleted/).waitFor({ timeout: 30_000 });
      await f.getByText("No group rules yet.", { exact: false }).waitFor({ timeout: 10_000 });
      await seats(f, 7).waitFor({ timeout: 10_000 });
    } finally {
      await page.close();
    }
  });

  it("holds a sync that would remove many members at once until an administrator confirms it", async () => {
    await setPlan(e.u.priya.org.id, subscription(30));
    const readers = "[Fabrikam Web]\\Readers"; // Tom Becker and Hannah Schmidt
    const newcomers = e.u.stack.devops.state.org("fabrikam").addSyntheticUsers(12);
    for (const user of newcomers) await groupMember("POST", readers, user.email);
    const page = await e.open(PRIYA, PERMISSIONS);
    try {
      const f = await openGroupRules(page);
      await f.getByRole("button", { name: "Add rule" }).click({ timeout: 20_000 });
      const panel = f.getByRole("dialog");
      await panel.getByRole("textbox", { name: "Group name" }).fill("Readers");
      await panel.getByRole("button", { name: /^Readers \(Azure DevOps\)/ }).click({ timeout: 10_000 });
      await panel.getByRole("region", { name: "Preview" }).getByText("New licenses: 14").waitFor({ timeout: 20_000 });
      await panel.getByRole("button", { name: "Save rule" }).click();
      await f.getByText(/14 members got the rule's role\./).waitFor({ timeout: 30_000 });

      for (const user of newcomers) await groupMember("DELETE", readers, user.email);
      await f.getByRole("button", { name: "Sync now: Readers" }).click();
      await f.getByText(/12 removals are held until you confirm them/).waitFor({ timeout: 30_000 });
      const card = ruleCard(f, "Readers");
      expect(await card.textContent()).toMatch(/14 licensed/); // nobody removed yet
      expect(await card.textContent()).toMatch(/a sync would remove 12 users from this rule at once/);

      await f.getByRole("button", { name: "Confirm removals from the rule for Readers" }).click();
      const dialog = f.getByRole("dialog");
      await dialog.getByText("Synthetic User", { exact: false }).first().waitFor();
      await dialog.getByRole("button", { name: "Remove 12 users" }).click();
      await f.getByText(/12 members lost the rule's role\./).waitFor({ timeout: 30_000 });
      await expect.poll(() => card.textContent(), { timeout: 10_000 }).toMatch(/2 licensed/);
      expect(await card.textContent()).not.toMatch(/would remove/);
    } finally {
      await page.close();
    }
  });
});
