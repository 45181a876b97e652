import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { signIn } from "../../integration/support/sign-in";
import { startDaysAgo } from "../../integration/time/support/time-stack";
import { seriousViolations, type Violation } from "../walkthrough/support/accessibility";
import { dialogFrame, groupFrame, hubFrame, startTimeE2e, timePageFrame, type TimeE2e } from "./support/time-e2e";

/**
 * The None role on Azure DevOps Services and on Azure DevOps Server, and the Settings rule
 * "Editing Time" changing who may edit other users' time, in the dev host.
 */
let e: TimeE2e;
beforeAll(async () => {
  e = await startTimeE2e();
  const jonas = await signIn(e.t.stack, "fabrikam", "jonas.mueller@fabrikam.example");
  await e.t.call(jonas, "GET", "me");
  await e.t.setRole(jonas, "Administrator");
  await e.t.call(e.t.marcus, "POST", "worklogs", {
    workItemId: 3,
    start: startDaysAgo(1),
    durationSeconds: 3600,
    comment: "Marcus's own",
  });
}, 180_000);
afterAll(async () => {
  await e?.stop();
});

const TOM = "tom.becker@fabrikam.example"; // None
const WHO_GRANTS = /A Project Collection Administrator or a Timetracker Administrator can give you a role/;

async function frameHeight(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).boundingBox();
  return box?.height ?? 0;
}

describe("the None role", { timeout: 60_000 }, () => {
  it("on Azure DevOps Services: the form group collapses to nothing, and no page is usable", async () => {
    const page = await e.browser.context.newPage();
    const refused = page.waitForResponse((r) => r.url().includes("/api/time/context") && r.status() === 403, {
      timeout: 20_000,
    });
    await page.goto(`${e.host.url}/?org=fabrikam&user=${encodeURIComponent(TOM)}&host=cloud#/workitem/3`);
    await refused;
    await expect.poll(() => frameHeight(page, 'iframe[src*="work-item-group.html"]'), { timeout: 20_000 }).toBe(0);
    expect(await groupFrame(page).getByRole("button").count()).toBe(0);

    const denied = page.waitForResponse((r) => r.url().includes("/api/work-items/3/time") && r.status() === 403, {
      timeout: 20_000,
    });
    await page.getByRole("tab", { name: "Time" }).click();
    await denied;
    const timePage = timePageFrame(page);
    await expect.poll(async () => (await timePage.locator("#root").innerText()).trim()).toBe("");

    const hub = await e.open(TOM, "#/hub", { host: "cloud" });
    await hubFrame(hub).getByText("This door is locked").waitFor({ timeout: 20_000 });
    expect(await hubFrame(hub).getByRole("tab", { name: "My time" }).count()).toBe(0);
    await page.close();
    await hub.close();
  });

  it("on Azure DevOps Server: the group says so instead of the buttons, and every page shows the locked door", async () => {
    const page = await e.open(TOM, "#/workitem/3", { host: "server" });
    const group = groupFrame(page);
    await group.getByText("You don't have access to this feature.").waitFor({ timeout: 20_000 });
    expect(await group.getByRole("button", { name: "Start Tracking" }).count()).toBe(0);
    expect(await frameHeight(page, 'iframe[src*="work-item-group.html"]')).toBeGreaterThan(10);

    await page.getByRole("tab", { name: "Time" }).click();
    const timePage = timePageFrame(page);
    await timePage.getByText("This door is locked").waitFor({ timeout: 20_000 });
    expect(await timePage.getByText(WHO_GRANTS).count()).toBe(1);

    const hub = await e.open(TOM, "#/hub", { host: "server" });
    await hubFrame(hub).getByText("This door is locked").waitFor({ timeout: 20_000 });
    expect(await hubFrame(hub).getByText(WHO_GRANTS).count()).toBe(1);
    // The door's path is the one the navigation shows: Organization Settings › Extensions › Timetracker Permissions.
    const door = (await hubFrame(hub).getByText(WHO_GRANTS).textContent()) ?? "";
    const path = /\(([^()]+)\)\.?$/.exec(door)?.[1]?.split(" › ") ?? [];
    expect(path).toEqual(["Organization Settings", "Extensions", "Timetracker Permissions"]);
    const [settings, section, pageName] = path as [string, string, string];
    const link = hub
      .getByRole("navigation")
      .getByRole("group", { name: settings })
      .getByRole("group", { name: section })
      .getByRole("link", { name: pageName, exact: true });
    expect(await link.isVisible()).toBe(true);
    await page.close();
    await hub.close();
  });
});

describe("Settings › Rules › Editing Time", { timeout: 60_000 }, () => {
  it("lets a role edit other users' time once an Administrator selects it, and not after it is cleared", async () => {
    const aisha = await e.open("aisha.okafor@fabrikam.example", "#/workitem/3");
    await aisha.getByRole("tab", { name: "Time" }).click();
    const entry = () => timePageFrame(aisha).getByRole("listitem", { name: "1h on #3 by Marcus Johnson" });
    await expect.poll(() => entry().textContent(), { timeout: 20_000 }).toContain("Read-only");

    const priya = await e.open("priya.patel@fabrikam.example", "#/hub");
    const hub = hubFrame(priya);
    await hub.getByRole("tab", { name: "Settings" }).click({ timeout: 20_000 });
    const product = hub.getByRole("group", { name: "Editing Time" }).getByRole("checkbox", { name: "Product" });
    await product.click();
    await expect.poll(() => hub.getByRole("status").textContent()).toBe("Saved.");
    await expect.poll(() => product.getAttribute("aria-checked")).toBe("true");

    await aisha.reload();
    await aisha.getByRole("tab", { name: "Time" }).click();
    await entry().getByRole("button", { name: /^Edit/ }).click({ timeout: 20_000 });
    const editor = timePageFrame(aisha).getByRole("listitem", { name: "Editing worklog on #3" });
    await editor.getByLabel("Length").fill("1h 30m");
    await editor.getByRole("button", { name: "Save" }).click();
    const edited = timePageFrame(aisha).getByRole("listitem", { name: "1h 30m on #3 by Marcus Johnson" });
    await expect.poll(() => edited.textContent()).toContain("Edited by Aisha Okafor");

    await product.click();
    await expect.poll(() => product.getAttribute("aria-checked")).toBe("false");
    await aisha.reload();
    await aisha.getByRole("tab", { name: "Time" }).click();
    await expect.poll(() => edited.textContent(), { timeout: 20_000 }).toContain("Read-only");
    await aisha.close();
    await priya.close();
  });
});

describe("My time (hub)", { timeout: 60_000 }, () => {
  it("adds time on a day inline, shows the day and week totals, edits and deletes it", async () => {
    const page = await e.open("grace.wright@fabrikam.example", "#/hub");
    const hub = hubFrame(page);
    const weekTotal = hub.getByLabel("Week total");
    await expect.poll(() => weekTotal.textContent(), { timeout: 20_000 }).toBe("Week total 0m");

    const today = hub.locator("section", { hasText: "(today)" });
    await today.getByRole("button", { name: /^Add time on/ }).click();
    await today.getByLabel("Work item").fill("6");
    await today.getByLabel("Start time").fill("08:00");
    await today.getByLabel("Length").fill("1h 45m");
    await today.getByLabel("Comment").fill("Narrow screen fix");
    await today.getByRole("button", { name: "Add Time", exact: true }).click();
    await expect.poll(() => weekTotal.textContent()).toBe("Week total 1h 45m");
    const entry = today.getByRole("listitem", { name: "1h 45m on #6" });
    await expect.poll(() => entry.textContent()).toContain("08:00–09:45");

    await entry.getByRole("button", { name: /^Edit/ }).click();
    const editor = today.getByRole("listitem", { name: "Editing worklog on #6" });
    await editor.getByLabel("End time").fill("10:00");
    await expect.poll(() => editor.getByLabel("Length").inputValue()).toBe("2h");
    await editor.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => weekTotal.textContent()).toBe("Week total 2h");

    const edited = today.getByRole("listitem", { name: "2h on #6" });
    await edited.getByRole("button", { name: /^Delete/ }).click();
    await today
      .getByRole("alertdialog", { name: "Delete this worklog?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect.poll(() => weekTotal.textContent()).toBe("Week total 0m");
    await page.close();
  });

  it("navigates to the previous week and back", async () => {
    const page = await e.open("grace.wright@fabrikam.example", "#/hub");
    const hub = hubFrame(page);
    const title = hub.getByRole("heading", { level: 2 });
    await expect.poll(() => title.textContent(), { timeout: 20_000 }).toMatch(/–/);
    const thisWeek = await title.textContent();
    await hub.getByRole("button", { name: "Previous week" }).click();
    await expect.poll(() => title.textContent()).not.toBe(thisWeek);
    await hub.getByRole("button", { name: "This week" }).click();
    await expect.poll(() => title.textContent()).toBe(thisWeek);
    await page.close();
  });
});

describe("accessibility", { timeout: 90_000 }, () => {
  it.each(["light", "dark"] as const)(
    "has no serious or critical axe violations on the time surfaces (%s theme)",
    async (theme) => {
      const found: Violation[] = [];
      const form = await e.open("aisha.okafor@fabrikam.example", "#/workitem/3", { theme });
      await groupFrame(form).getByRole("button", { name: "Add Time" }).waitFor({ timeout: 20_000 });
      await form.getByRole("tab", { name: "Time" }).click();
      await timePageFrame(form).getByText("Per person").waitFor({ timeout: 20_000 });
      found.push(...(await seriousViolations(form)));
      await form.getByRole("tab", { name: "Details" }).click();
      await groupFrame(form).getByRole("button", { name: "Add Time" }).click();
      await dialogFrame(form).getByRole("button", { name: "Add Time", exact: true }).waitFor({ timeout: 20_000 });
      found.push(...(await seriousViolations(form)));
      await form.close();

      // An Administrator who is no PCA: the trial bar (PCAs only) is user management's and checked there.
      const hubPage = await e.open("jonas.mueller@fabrikam.example", "#/hub", { theme });
      const hub = hubFrame(hubPage);
      await hub.getByLabel("Week total").waitFor({ timeout: 20_000 });
      found.push(...(await seriousViolations(hubPage)));
      await hub.getByRole("tab", { name: "Times Explorer" }).click();
      await hub.getByLabel("Results total").waitFor({ timeout: 20_000 });
      found.push(...(await seriousViolations(hubPage)));
      await hub.getByRole("tab", { name: "Settings" }).click();
      await hub.getByRole("group", { name: "Editing Time" }).waitFor({ timeout: 20_000 });
      found.push(...(await seriousViolations(hubPage)));
      await hubPage.close();
      expect(found).toEqual([]);
    },
  );
});

describe("Settings › API tokens", { timeout: 60_000 }, () => {
  it("lets an Administrator create a token that works once shown, and revoke it", async () => {
    const page = await e.open("jonas.mueller@fabrikam.example", "#/hub");
    const hub = hubFrame(page);
    await hub.getByRole("tab", { name: "Settings" }).click({ timeout: 20_000 });
    await hub.getByLabel("Token name").fill("Nightly group sync");
    await hub.getByRole("button", { name: "Create token" }).click();
    const secret = (await hub.getByLabel("New token").textContent({ timeout: 20_000 }))?.trim() ?? "";
    expect(secret).toMatch(/^tt_/);
    const rest = () =>
      fetch(`${e.t.stack.functions.url}/api/rest/users/roles`, { headers: { Authorization: `Bearer ${secret}` } });
    expect((await rest()).status).toBe(200);

    await hub.getByRole("button", { name: "Revoke Nightly group sync" }).click();
    await hub.getByRole("button", { name: "Cancel" }).click();
    expect((await rest()).status).toBe(200);
    await hub.getByRole("button", { name: "Revoke Nightly group sync" }).click();
    await hub.getByRole("button", { name: "Revoke token" }).click();
    await expect.poll(() => hub.getByRole("cell", { name: "Nightly group sync" }).count(), { timeout: 20_000 }).toBe(0);
    expect((await rest()).status).toBe(401);
    await page.close();
  });
});
