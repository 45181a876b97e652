import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrameLocator, Locator } from "playwright-core";
import { setPlan, subscribe, subscription } from "../../integration/users/support/users-stack";
import { PERMISSIONS, permissionsFrame, screenshot, startUsersE2e, type UsersE2e } from "./support/users-e2e";

/** Seats and their cost in the browser, 5,000 licensed users, the dark theme and the service account. */
let e: UsersE2e;
beforeAll(async () => {
  e = await startUsersE2e();
}, 180_000);
afterAll(async () => {
  await e?.stop();
});

const PRIYA = "priya.patel@fabrikam.example";
const DANIEL = "daniel.kim@fabrikam.example";

const row = (f: FrameLocator | Locator, name: string) => f.getByRole("row", { name: new RegExp(name) });
const licensedNow = async () =>
  (await e.u.call<{ seats: { licensed: number } }>(e.u.priya, "GET", "users/overview")).body.seats.licensed;

describe("seats and money in the browser", { timeout: 90_000 }, () => {
  it("says what adding users does to the seats before adding them, and asks the server again right before", async () => {
    await setPlan(e.u.priya.org.id, subscription(5)); // 3 licensed: 2 seats free
    const page = await e.open(PRIYA, PERMISSIONS);
    try {
      const f = permissionsFrame(page);
      await f.getByText("2 of 5 seats available").waitFor({ timeout: 20_000 });
      await f.getByRole("button", { name: "Add Users", exact: true }).click();
      const panel = f.getByRole("dialog");
      await row(panel, "Aisha Okafor").getByRole("checkbox").click({ timeout: 20_000 });
      await panel.getByText("Uses 1 of 2 free seats").waitFor({ timeout: 10_000 });
      // Someone lowers the seats while the page is open: Add users asks again and applies nothing.
      await setPlan(e.u.priya.org.id, subscription(3));
      await panel.getByRole("button", { name: "Add users (1)" }).click();
      await panel.getByText("Needs 1 more seat than are free (0 of 3 free)").waitFor({ timeout: 10_000 });
      expect(await panel.getByRole("button", { name: "Add users (1)" }).isDisabled()).toBe(true);
      expect(await licensedNow()).toBe(3);
    } finally {
      await setPlan(e.u.priya.org.id, null);
      await page.close();
    }
  });

  it("shows what the missing seats cost now (Chargebee's estimate) and opens the Subscription page for that many users", async () => {
    await subscribe(e.u, { plan: "start", period: "monthly", seats: 5 }); // 3 licensed: 2 seats free
    try {
      for (const theme of ["dark", "light"] as const) {
        const page = await e.open(PRIYA, PERMISSIONS, { theme });
        const f = permissionsFrame(page);
        await f.getByText("2 of 5 seats available").waitFor({ timeout: 20_000 });
        await f.getByRole("button", { name: "Add Users", exact: true }).click();
        const panel = f.getByRole("dialog");
        for (const name of ["Aisha Okafor", "Grace Wright", "Mei Chen"])
          await row(panel, name).getByRole("checkbox").click({ timeout: 20_000 });
        const shortfall = panel.getByRole("alert").filter({ hasText: "Needs 1 more seat" });
        await shortfall.getByText("Needs 1 more seat than are free (2 of 5 free)").waitFor({ timeout: 10_000 });
        expect(await shortfall.textContent()).toMatch(
          /Adding 1 seat to your Start plan bills \$\d+\.\d\d now \(Chargebee's prorated estimate\), then \$54\.00 per month\./,
        );
        const link = shortfall.getByRole("link", { name: "Add seats on the Subscription page" });
        expect(await link.getAttribute("href")).toMatch(/timetracker-subscription-hub\?users=6$/);
        expect(await panel.getByRole("button", { name: "Add users (3)" }).isDisabled()).toBe(true);
        await screenshot(page, `add-users-missing-seats-${theme}`);
        if (theme === "dark") {
          await page.close();
          continue;
        }
        // The link opens the Subscription page on Change users for the 6 users the change needs.
        await link.click();
        const subscriptionPage = page.frameLocator('iframe[src*="subscription.html"]');
        const usersAssignable = subscriptionPage.getByRole("spinbutton", { name: "Users Assignable" });
        await usersAssignable.waitFor({ timeout: 20_000 });
        expect(await usersAssignable.inputValue()).toBe("6");
        await subscriptionPage
          .getByRole("button", { name: /Continue/ })
          .first()
          .waitFor({ timeout: 10_000 });
        expect(page.url()).toContain("users=6");
        await screenshot(page, "subscription-for-6-users");
        await page.close();
      }
      expect(await licensedNow()).toBe(3);
    } finally {
      await setPlan(e.u.priya.org.id, null);
    }
  });
});

describe("an organization with 5,000 licensed users", { timeout: 180_000 }, () => {
  it("scrolls smoothly through server pages and changes everyone's role in batches of 500 with progress", async () => {
    const racers = e.u.stack.devops.state.org("fabrikam").addSyntheticUsers(5_000);
    for (let i = 0; i < racers.length; i += 500) {
      const { status } = await e.u.call(e.u.priya, "POST", "users/roles", {
        role: "Team",
        userIds: racers.slice(i, i + 500).map((r) => r.id),
      });
      expect(status).toBe(200);
    }
    const page = await e.open(PRIYA, PERMISSIONS);
    const f = permissionsFrame(page);
    // How fast the first rows come is a benchmark (tests/bench/front-end), not a test.
    await f.getByRole("row", { name: /Synthetic User 000001/ }).waitFor({ timeout: 30_000 });
    expect(await f.getByText("5,003 licensed").count()).toBe(1);

    const frame = page.frames().find((x) => x.url().includes("permissions.html"))!;
    const loadedRows = () =>
      frame.evaluate(() => Number(document.querySelector(".people-table table")?.getAttribute("aria-rowcount") ?? 0));
    for (let step = 0; step < 5; step++) {
      const before = await loadedRows();
      await frame.evaluate(() => {
        const el = document.querySelector(".people-table")!;
        el.scrollTop = el.scrollHeight;
      });
      // Scrolling to the end loads the next server page (100 users)...
      await expect.poll(loadedRows, { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 100);
      // ...while only the rows in view (and some slack) are in the document: the table is virtualised.
      expect(await frame.evaluate(() => document.querySelectorAll("tr[aria-rowindex]").length)).toBeLessThan(250);
    }
    const assignRequests: string[] = [];
    const holdRequests: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/api/users/roles"))
        assignRequests.push((r.postDataJSON() as { holdId?: string }).holdId ?? "no hold");
      if (r.url().includes("/api/users/roles/holds")) holdRequests.push(r.method());
    });
    await f.getByRole("textbox", { name: /Search licensed users/ }).fill("synthetic");
    await f.getByRole("row", { name: /Synthetic User 000001/ }).waitFor({ timeout: 20_000 });
    await f.getByRole("checkbox", { name: "Select all", exact: true }).click();
    await f.getByText("5,000 users selected").waitFor(); // every one the search covers, not only those loaded
    // Select all covers users not loaded yet: the server says what None would free for all of them.
    // (Its preview reads 5,000 members; how fast is a benchmark's business, so the wait is generous.)
    await f.getByText("None: Frees 5,000 seats").waitFor({ timeout: 60_000 });
    await f.getByRole("group", { name: "Assign role" }).getByRole("button", { name: "Product", exact: true }).hover();
    await f.getByText("Product: Changes no seats").waitFor({ timeout: 60_000 });
    await f.getByRole("group", { name: "Assign role" }).getByRole("button", { name: "Product", exact: true }).click();
    await f.getByText(/Changing roles: \d[\d,]* of 5,000 users/).waitFor({ timeout: 30_000 });
    await f.getByText("Role was successfully changed").waitFor({ timeout: 120_000 });
    // One change in ten requests: its seats held first, each request naming the hold, released at the end.
    expect(assignRequests).toHaveLength(10);
    expect(new Set(assignRequests).size).toBe(1);
    expect(assignRequests[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(holdRequests).toEqual(["POST", "DELETE"]);
    const { body } = await e.u.call<{ members: { role: { assigned: string } }[] }>(
      e.u.priya,
      "GET",
      "users/licensed?search=synthetic&sort=role&pageSize=200",
    );
    expect(new Set(body.members.map((m) => m.role.assigned))).toEqual(new Set(["Product"]));
    await page.close();
  });
});

describe("themes and the service account", { timeout: 60_000 }, () => {
  it("follows the dark theme", async () => {
    const page = await e.open(PRIYA, PERMISSIONS, { theme: "dark" });
    const f = permissionsFrame(page);
    await f.getByRole("heading", { name: "Timetracker Permissions" }).waitFor({ timeout: 20_000 });
    const frame = page.frames().find((x) => x.url().includes("permissions.html"))!;
    const luminance = await frame.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
    expect(luminance).toBeLessThan(0.3);
    await page.close();
  });

  it("lets a PCA without a role save the service account; the token is not shown again", async () => {
    const page = await e.open(DANIEL, PERMISSIONS);
    const f = permissionsFrame(page);
    await f.getByRole("tab", { name: "Service account" }).click({ timeout: 20_000 });
    await f.getByText(/Not configured/).waitFor();
    // What is wrong with the token is said under the field, beside which Save sits.
    await f.getByRole("textbox", { name: "Personal access token" }).fill("short");
    await f.getByRole("button", { name: "Save" }).click();
    await f.getByText(/^This does not look like a personal access token\. Paste the whole token/).waitFor();
    const field = await f.getByRole("textbox", { name: "Personal access token" }).boundingBox();
    const save = await f.getByRole("button", { name: "Save" }).boundingBox();
    expect(Math.abs(field!.y + field!.height / 2 - (save!.y + save!.height / 2))).toBeLessThan(3);
    const pat = e.u.stack.devops.state.createPat("fabrikam", DANIEL);
    await f.getByRole("textbox", { name: "Personal access token" }).fill(pat);
    await f.getByRole("button", { name: "Save" }).click();
    await f
      .getByText(/Configured: Daniel Kim's personal access token, saved by Daniel Kim/)
      .waitFor({ timeout: 10_000 });
    expect(await f.getByRole("textbox", { name: "Personal access token" }).inputValue()).toBe("");
    expect(await f.locator("body").innerText()).not.toContain(pat);
    await page.close();
  });
});
