import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame, FrameLocator, Page } from "playwright-core";
import { startDevopsStandin, type DevopsStandin } from "../devops/index";
import { startDevHost, type DevHost } from "./server";
import type { StandinOrg, StandinUser } from "./shared/config-types";
import { launchBrowser, type TestBrowser } from "./test-fixtures/browser";
import { createFixtureRepo, type FixtureRepo } from "./test-fixtures/fixture-repo";

// The dev host frames the probe pages (real azure-devops-extension-sdk inside)
// and answers them with the Azure DevOps stand-in's org, users and tokens.

let devops: DevopsStandin;
let repo: FixtureRepo;
let host: DevHost;
let browser: TestBrowser;
let org: StandinOrg;
let marcus: StandinUser;
let priya: StandinUser;

beforeAll(async () => {
  [devops, repo, browser] = await Promise.all([startDevopsStandin({ port: 0 }), createFixtureRepo(), launchBrowser()]);
  host = await startDevHost({ port: 0, repoRoot: repo.root, devopsUrl: devops.url, apiUrl: "http://127.0.0.1:9" });
  org = (await (await fetch(`${devops.url}/_dev/orgs/fabrikam`)).json()) as StandinOrg;
  marcus = org.users.find((u) => u.email === "marcus.johnson@fabrikam.example")!;
  priya = org.users.find((u) => u.email === "priya.patel@fabrikam.example")!;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await devops?.stop();
  await repo?.remove();
});

const baseUrl = () => `http://127.0.0.1:${host.port}`;

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${baseUrl()}${path}`);
  return page;
}

const frameOf = (page: Page, contributionId: string): FrameLocator =>
  page.frameLocator(`iframe[data-contribution="${contributionId}"]`);

async function probe(frame: FrameLocator, name: string): Promise<string> {
  const el = frame.locator(`[data-probe="${name}"]`);
  await el.waitFor({ state: "attached", timeout: 10_000 });
  return (await el.textContent()) ?? "";
}

function jwtPayload(token: string): Record<string, unknown> {
  const [, payload] = token.split(".");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("dev host with the real SDK", { timeout: 45_000 }, () => {
  it("completes SDK.init in a form group and answers user, app token and the work item form service", async () => {
    const page = await open(`/?user=${marcus.email}&org=fabrikam#/workitem/3`);
    const group = frameOf(page, "probe-group");

    expect(await probe(group, "contributionId")).toBe("devhost-test.probe.probe-group");
    const user = JSON.parse(await probe(group, "user")) as Record<string, string>;
    expect(user).toMatchObject({ id: marcus.id, displayName: "Marcus Johnson", name: marcus.email });
    const appToken = await probe(group, "appToken");
    expect(jwtPayload(appToken).nameid).toBe(marcus.id);
    expect(await probe(group, "workItemId")).toBe("3");
    expect(await probe(group, "title")).toBe(org.workItems.find((w) => w.id === 3)!.fields["System.Title"]);
    expect(JSON.parse(await probe(group, "onLoaded"))).toEqual({ id: 3, isNew: false, isReadOnly: false });
    expect(JSON.parse(await probe(group, "host"))).toEqual(
      expect.objectContaining({ id: org.id, name: "fabrikam", isHosted: true, type: 4 }),
    );
    expect(JSON.parse(await probe(group, "extension"))).toMatchObject({ id: "devhost-test.probe", version: "1.2.3" });
    await page.close();
  });

  it("selects the deep-linked user in the switcher and rewrites the URL when switching user", async () => {
    const page = await open(`/?user=${marcus.email}#/hub`);
    await expect.poll(() => page.locator("#user-switcher").inputValue()).toBe(marcus.id);
    expect((JSON.parse(await probe(frameOf(page, "probe-hub"), "user")) as { displayName: unknown }).displayName).toBe(
      "Marcus Johnson",
    );

    await page.locator("#user-switcher").selectOption(priya.id);
    await expect.poll(() => new URL(page.url()).searchParams.get("user")).toBe(priya.email);
    const hub = frameOf(page, "probe-hub");
    await expect
      .poll(async () => (JSON.parse(await probe(hub, "user")) as { displayName: unknown }).displayName)
      .toBe("Priya Patel");
    expect(await page.locator(".badge.pca").isVisible()).toBe(true);
    expect(jwtPayload(await probe(hub, "appToken")).nameid).toBe(priya.id);
    await page.close();
  });

  it("hides a form group whose page resizes to 0 and sizes the other one", async () => {
    const page = await open(`/?user=${marcus.email}#/workitem/3`);
    await probe(frameOf(page, "probe-empty-group"), "done");
    await probe(frameOf(page, "probe-group"), "done");
    const emptyGroup = page.locator('section.form-group[data-contribution="probe-empty-group"]');
    await expect.poll(() => emptyGroup.isVisible()).toBe(false);
    expect(await page.getByRole("heading", { name: "Probe Empty Group" }).isVisible()).toBe(false);
    expect(await page.getByRole("heading", { name: "Probe Group", exact: true }).isVisible()).toBe(true);
    const groupBox = await page.locator('iframe[data-contribution="probe-group"]').boundingBox();
    expect(groupBox!.height).toBeGreaterThan(0);
    await page.close();
  });

  it("reports a Server collection (isHosted false) when switched to Server", async () => {
    const page = await open(`/?user=${marcus.email}&host=server#/settings/admin`);
    const hub = frameOf(page, "probe-admin-hub");
    expect(JSON.parse(await probe(hub, "host"))).toMatchObject({ isHosted: false, type: 4 });
    expect(await probe(hub, "project")).toBe("null"); // organization-level page: no project

    await page.getByRole("button", { name: "Cloud" }).click();
    await expect
      .poll(
        async () =>
          (JSON.parse(await probe(frameOf(page, "probe-admin-hub"), "host")) as { isHosted: unknown }).isHosted,
      )
      .toBe(true);
    expect(new URL(page.url()).searchParams.get("host")).toBe("cloud");
    await page.close();
  });

  it("runs a toolbar menu action that opens a custom dialog, which calls back into the opener and closes", async () => {
    const page = await open(`/?user=${marcus.email}#/workitem/3`);
    await probe(frameOf(page, "probe-group"), "done");
    await page.getByRole("button", { name: "More actions" }).click();
    await page.getByRole("menuitem", { name: "Probe action" }).click();

    const dialog = page.getByRole("dialog", { name: "Probe dialog" });
    await dialog.waitFor();
    const content = frameOf(page, "probe-dialog");
    expect(JSON.parse(await probe(content, "config"))).toEqual({ workItemId: 3 });
    await content.getByRole("button", { name: "Close with result" }).click();

    await dialog.waitFor({ state: "detached" });
    await page.getByText('closed with {"ok":true,"workItemId":3}').waitFor();
    await page.getByText('result {"saved":2}').waitFor();
    await page.close();
  });

  it("tells form pages about field changes and saves, and switches the frames' theme live", async () => {
    const page = await open(`/?user=${marcus.email}#/workitem/3`);
    await page.getByRole("tab", { name: "Probe Page" }).click();
    const formPage = frameOf(page, "probe-page");
    await probe(formPage, "onLoaded");

    await page.getByRole("tab", { name: "Details" }).click();
    await page.getByLabel("Title").fill("Renamed by the test");
    await page.getByLabel("Title").press("Tab");
    expect(JSON.parse(await probe(formPage, "onFieldChanged"))).toEqual({
      id: 3,
      changedFields: { "System.Title": "Renamed by the test" },
    });
    await page.getByRole("button", { name: "Save" }).click();
    expect(JSON.parse(await probe(formPage, "onSaved"))).toEqual({ id: 3 });

    await page.getByRole("button", { name: "Dark" }).click();
    const frame = page.frames().find((f: Frame) => f.url().includes("probe.html") && f !== page.mainFrame());
    await expect
      .poll(() =>
        frame!.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--background-color").trim()),
      )
      .toBe("rgba(30, 30, 30, 1)");
    expect(new URL(page.url()).searchParams.get("theme")).toBe("dark");
    await page.close();
  });
});
