import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { WorklogView } from "../../../functions/contracts/time";
import { startDaysAgo } from "../../integration/time/support/time-stack";
import { dialogFrame, groupFrame, startTimeE2e, timePageFrame, type TimeE2e } from "./support/time-e2e";

/**
 * The work item form in the dev host: the Timetracker group (Start/Stop Tracking, Add Time),
 * the toolbar's actions, the "Time" page, and time added on someone's behalf with the
 * owner-edit lock, as a user sees them.
 */
let e: TimeE2e;
beforeAll(async () => {
  e = await startTimeE2e();
}, 180_000);
afterAll(async () => {
  await e?.stop();
});

const MARCUS = "marcus.johnson@fabrikam.example";
const AISHA = "aisha.okafor@fabrikam.example";

async function openTimePage(page: Page) {
  await page.getByRole("tab", { name: "Time" }).click();
  return timePageFrame(page);
}

describe("work item form group", { timeout: 60_000 }, () => {
  it("starts tracking, shows Stop Tracking with the running time, and saves the time when stopped", async () => {
    const page = await e.open(MARCUS, "#/workitem/3");
    const group = groupFrame(page);
    await group.getByRole("button", { name: "Start Tracking" }).click({ timeout: 20_000 });
    const stop = group.getByRole("button", { name: /Stop Tracking \d+:\d{2}:\d{2}/ });
    await stop.waitFor();
    const first = await stop.textContent();
    await expect.poll(() => stop.textContent(), { timeout: 5_000 }).not.toBe(first); // the clock runs
    await stop.click();
    await expect.poll(() => group.getByRole("status").textContent()).toMatch(/^Saved \d+s on #3\.$/);
    await group.getByRole("button", { name: "Start Tracking" }).waitFor();
    await page.close();
  });

  it("adds time through the Add Time dialog and shows the new totals", async () => {
    const page = await e.open(MARCUS, "#/workitem/5");
    const group = groupFrame(page);
    await group.getByRole("button", { name: "Add Time" }).click({ timeout: 20_000 });
    const dialog = dialogFrame(page);
    await dialog.getByLabel("Length").fill("2h 15m");
    await expect.poll(() => dialog.getByLabel("End time").inputValue()).toMatch(/^\d{2}:\d{2}$/);
    await dialog.getByLabel("Comment").fill("Link expiry tests");
    await dialog.getByRole("button", { name: "Add Time" }).click();
    await expect.poll(() => page.locator('iframe[src*="add-time-dialog.html"]').count()).toBe(0);
    await expect
      .poll(() => group.getByLabel("Time on this work item").textContent())
      .toBe("Total 2h 15m · Mine 2h 15m");
    await page.close();
  });

  it("refuses a length over 24 hours in the dialog and keeps it open", async () => {
    const page = await e.open(MARCUS, "#/workitem/5");
    await groupFrame(page).getByRole("button", { name: "Add Time" }).click({ timeout: 20_000 });
    const dialog = dialogFrame(page);
    await dialog.getByLabel("Length").fill("25h");
    await dialog.getByRole("button", { name: "Add Time" }).click();
    await expect.poll(() => dialog.getByRole("alert").textContent()).toContain("at most 24 hours");
    await page.close();
  });

  it("offers Start Tracking and Add Time in the work item toolbar menu", async () => {
    const page = await e.open(MARCUS, "#/workitem/10");
    await page.getByRole("button", { name: "More actions" }).click({ timeout: 20_000 });
    await page.getByRole("menuitem", { name: "Start Tracking" }).click();
    const dialog = dialogFrame(page);
    await dialog.getByLabel("Comment").fill("From the toolbar");
    await dialog.getByRole("button", { name: "Start Tracking" }).click();
    await expect.poll(() => page.locator('iframe[src*="add-time-dialog.html"]').count()).toBe(0);
    await expect
      .poll(
        async () =>
          (await e.t.call<{ timer: { workItemId: number; comment: string } | null }>(e.t.marcus, "GET", "timer")).body
            .timer,
      )
      .toMatchObject({
        workItemId: 10,
        comment: "From the toolbar",
      });
    await page.getByRole("button", { name: "More actions" }).click();
    await page.getByRole("menuitem", { name: "Add Time" }).click();
    await dialogFrame(page).getByRole("button", { name: "Add Time" }).waitFor();
    await page.close();
    await e.t.call(e.t.marcus, "POST", "timer/stop");
  });
});

describe("time added on someone's behalf", { timeout: 60_000 }, () => {
  it("lets a Product user add time for a Team member, and locks it for them once the owner edits it", async () => {
    const aisha = await e.open(AISHA, "#/workitem/12");
    await groupFrame(aisha).getByRole("button", { name: "Add Time" }).click({ timeout: 20_000 });
    const dialog = dialogFrame(aisha);
    await dialog.getByRole("button", { name: "On behalf of" }).click();
    await dialog.getByRole("option", { name: "Marcus Johnson" }).click();
    await dialog.getByLabel("Length").fill("45m");
    await dialog.getByLabel("Comment").fill("Pairing on the crash");
    await dialog.getByRole("button", { name: "Add Time" }).click();
    await expect.poll(() => aisha.locator('iframe[src*="add-time-dialog.html"]').count()).toBe(0);

    // The owner sees it, marked as added by Aisha, and may change it.
    const marcus = await e.open(MARCUS, "#/workitem/12");
    const marcusPage = await openTimePage(marcus);
    const entry = marcusPage.getByRole("listitem", { name: "45m on #12" });
    await expect.poll(() => entry.textContent(), { timeout: 20_000 }).toContain("Added by Aisha Okafor");
    await entry.getByRole("button", { name: /^Edit/ }).click();
    const editor = marcusPage.getByRole("listitem", { name: "Editing worklog on #12" });
    await editor.getByLabel("Comment").fill("Pairing on the crash (my notes)");
    await editor.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => entry.textContent()).toContain("(my notes)");

    // From now on Aisha sees it read-only.
    const aishaPage = await openTimePage(aisha);
    const seenByAisha = aishaPage.getByRole("listitem", { name: "45m on #12 by Marcus Johnson" });
    await expect.poll(() => seenByAisha.textContent(), { timeout: 20_000 }).toContain("Read-only");
    expect(await seenByAisha.getByRole("button", { name: /^Edit/ }).count()).toBe(0);
    await aisha.close();
    await marcus.close();
  });

  it("shows the creator's edit as 'Edited by' to the owner while the creator may still edit", async () => {
    const created = await e.t.call<WorklogView>(e.t.aisha, "POST", "worklogs", {
      workItemId: 13,
      start: startDaysAgo(1),
      durationSeconds: 1800,
      userId: e.t.marcus.user.id,
    });
    await e.t.call(e.t.aisha, "PATCH", `worklogs/${created.body.id}`, {
      etag: created.body.etag,
      comment: "changed by Aisha",
    });
    const marcus = await e.open(MARCUS, "#/workitem/13");
    const entry = (await openTimePage(marcus)).getByRole("listitem", { name: "30m on #13" });
    await expect.poll(() => entry.textContent(), { timeout: 20_000 }).toContain("Edited by Aisha Okafor");
    await marcus.close();
  });
});
