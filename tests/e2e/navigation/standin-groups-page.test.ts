import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { REPO_ROOT } from "../../../dev/build/build";
import { startDevopsStandin, type DevopsStandin } from "../../../dev/devops/index";
import { startDevHost, type DevHost } from "../../../dev/host/server";
import { launchBrowser, type TestBrowser } from "../../../dev/host/test-fixtures/browser";

/**
 * Organization Settings › Local stand-in › Groups (stand-in), the dev host's own page: a person
 * changes who is in a group of the Azure DevOps stand-in by hand, and the Graph API the backend
 * reads answers with the change. No pages of ours are framed here, so no backend is needed.
 */
let devops: DevopsStandin;
let host: DevHost;
let browser: TestBrowser;
let pat: string;
const SEEN_MS = 10_000;
const PLATFORM = "[TEAM FOUNDATION]\\Platform Team";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

beforeAll(async () => {
  [devops, browser] = await Promise.all([startDevopsStandin({ port: 0 }), launchBrowser()]);
  host = await startDevHost({ port: 0, repoRoot: REPO_ROOT, devopsUrl: devops.url, apiUrl: "http://127.0.0.1:9" });
  pat = devops.state.createPat("fabrikam", "daniel.kim@fabrikam.example");
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await devops?.stop();
});

async function open(route: string, theme: "light" | "dark" = "light"): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${host.url}/?org=fabrikam&user=priya.patel@fabrikam.example&theme=${theme}${route}`);
  return page;
}

/** Platform Team's direct members as the backend's service account reads them (Graph, then subject lookup). */
async function platformTeamInGraph(): Promise<string[]> {
  const descriptor = devops.state.org("fabrikam").group(PLATFORM).descriptor;
  const auth = { Authorization: `Basic ${Buffer.from(`:${pat}`).toString("base64")}` };
  const graph = `${devops.url}/vssps/fabrikam/_apis/graph`;
  const memberships = (await (
    await fetch(`${graph}/Memberships/${encodeURIComponent(descriptor)}?direction=down`, { headers: auth })
  ).json()) as { value: { memberDescriptor: string }[] };
  const lookup = (await (
    await fetch(`${graph}/subjectlookup`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify({ lookupKeys: memberships.value.map((m) => ({ descriptor: m.memberDescriptor })) }),
    })
  ).json()) as { value: Record<string, { displayName: string }> };
  return Object.values(lookup.value).map((s) => s.displayName);
}

/** axe-core over the page's own section: serious and critical findings. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: string): Promise<Result> } }).axe;
    const { violations } = await axe.run(".standin-groups");
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

describe("Groups (stand-in) in the dev host", () => {
  it("sits in Organization Settings under its own dev-only section and says what it is", async () => {
    const page = await open("#/workitems");
    const nav = page.getByRole("navigation", { name: "Project navigation" });
    const section = nav.getByRole("group", { name: "Local stand-in (dev only)" });
    await section.getByRole("link", { name: "Groups (stand-in)" }).click();
    await page.getByRole("heading", { name: "Groups (stand-in)", level: 1 }).waitFor({ timeout: SEEN_MS });
    expect(page.url()).toContain("#/standin/groups");
    await expect(page.getByText("Dev-only tool.").isVisible()).resolves.toBe(true);
    expect(await nav.getByRole("group", { name: "Extensions" }).getByRole("link").allTextContents()).not.toContain(
      "Groups (stand-in)",
    );
    await page.close();
  });

  it("adds a user to a group with the keyboard, lists them, and removes them; Graph follows each step", async () => {
    const page = await open("#/standin/groups");
    const platform = page.getByRole("button", { name: /^Platform Team/ });
    await platform.waitFor({ timeout: SEEN_MS });
    await platform.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Platform Team", level: 2 }).waitFor();
    expect(await platform.getAttribute("aria-current")).toBe("true");
    const members = page.getByRole("table", { name: "Direct members of Platform Team" });
    expect(await members.getByRole("row", { name: /Noah Williams/ }).count()).toBe(0);

    await page.getByLabel("Add to Platform Team").focus();
    await page
      .getByLabel("Add to Platform Team")
      .selectOption({ label: "Noah Williams (noah.williams@fabrikam.example)" });
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .getByText("Added Noah Williams to [TEAM FOUNDATION]\\Platform Team.")
      .waitFor({ timeout: SEEN_MS });
    await members.getByRole("row", { name: /Noah Williams/ }).waitFor();
    expect(await platformTeamInGraph()).toContain("Noah Williams");
    // The picker no longer offers someone who is already a direct member.
    expect(await page.getByLabel("Add to Platform Team").locator("option").allTextContents()).not.toContain(
      "Noah Williams (noah.williams@fabrikam.example)",
    );
    expect(await platform.textContent()).toContain("5 direct members");

    await page.getByRole("button", { name: "Remove Noah Williams from Platform Team" }).click();
    await page
      .getByRole("status")
      .getByText("Removed Noah Williams from [TEAM FOUNDATION]\\Platform Team.")
      .waitFor({ timeout: SEEN_MS });
    expect(await members.getByRole("row", { name: /Noah Williams/ }).count()).toBe(0);
    expect(await platformTeamInGraph()).not.toContain("Noah Williams");
    expect(await platform.textContent()).toContain("4 direct members");
    await page.close();
  });

  it("shows the stand-in's refusal and changes nothing", async () => {
    const page = await open("#/standin/groups");
    await page.getByRole("button", { name: /^Platform Team/ }).click();
    const before = await platformTeamInGraph();
    await page.getByLabel("Add to Platform Team").selectOption({ label: "[TEAM FOUNDATION]\\Engineering" });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page
      .getByRole("alert")
      .getByText(/would make a group a member of itself/)
      .waitFor({ timeout: SEEN_MS });
    expect(await platformTeamInGraph()).toEqual(before);
    await page.close();
  });

  it("the top bar follows a change of who is a Project Collection Administrator", async () => {
    const page = await open("#/standin/groups");
    const marcus = page.locator("#user-switcher option", { hasText: "Marcus Johnson" });
    await page.getByRole("button", { name: /^Project Collection Administrators/ }).waitFor({ timeout: SEEN_MS });
    expect(await marcus.textContent()).toBe("Marcus Johnson");
    await page
      .getByLabel("Add to Project Collection Administrators")
      .selectOption({ label: "Marcus Johnson (marcus.johnson@fabrikam.example)" });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(/Added Marcus Johnson/)
      .waitFor({ timeout: SEEN_MS });
    await expect.poll(() => marcus.textContent()).toBe("Marcus Johnson (PCA)");
    await page.getByRole("button", { name: "Remove Marcus Johnson from Project Collection Administrators" }).click();
    await expect.poll(() => marcus.textContent()).toBe("Marcus Johnson");
    await page.close();
  });

  it("is readable in the light and the dark theme (axe: no serious findings)", async () => {
    for (const theme of ["light", "dark"] as const) {
      const page = await open("#/standin/groups", theme);
      await page.getByRole("button", { name: /^Engineering/ }).click();
      await page.getByRole("table", { name: "Direct members of Engineering" }).waitFor({ timeout: SEEN_MS });
      expect(await seriousViolations(page), theme).toEqual([]);
      // The success and the refusal messages have colours of their own.
      const picker = page.getByLabel("Add to Engineering");
      await picker.selectOption({ label: "Noah Williams (noah.williams@fabrikam.example)" });
      await page.getByRole("button", { name: "Add", exact: true }).click();
      await page
        .getByRole("status")
        .getByText(/Added Noah Williams/)
        .waitFor({ timeout: SEEN_MS });
      expect(await seriousViolations(page), `${theme}, added`).toEqual([]);
      await picker.selectOption({ label: "[Fabrikam Web]\\Contributors" });
      await page.getByRole("button", { name: "Add", exact: true }).click();
      await page
        .getByRole("alert")
        .getByText(/member of itself/)
        .waitFor({ timeout: SEEN_MS });
      expect(await seriousViolations(page), `${theme}, refused`).toEqual([]);
      await page.getByRole("button", { name: "Remove Noah Williams from Engineering" }).click();
      await page
        .getByRole("status")
        .getByText(/Removed Noah Williams/)
        .waitFor({ timeout: SEEN_MS });
      await page.close();
    }
  });
});
