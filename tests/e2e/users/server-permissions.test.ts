import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, signIn } from "../../integration/support/sign-in";
import { seriousViolations } from "../walkthrough/support/accessibility";
import { PERMISSIONS, permissionsFrame, startUsersE2e, type UsersE2e } from "./support/users-e2e";

/**
 * The Permissions page on Azure DevOps Server (the dev host's Server mode, which also puts the
 * stand-in org in Server mode: no Graph, no User Entitlements). + Add Users says what needs
 * Azure DevOps Services and adds by e-mail address instead.
 */
let e: UsersE2e;
beforeAll(async () => {
  e = await startUsersE2e();
}, 180_000);
afterAll(async () => {
  await e?.stop();
});

const PRIYA = "priya.patel@fabrikam.example";

describe("Permissions on Azure DevOps Server", { timeout: 60_000 }, () => {
  it("explains what is Services-only and adds a user found by e-mail address", async () => {
    const page = await e.open(PRIYA, PERMISSIONS, { host: "server" });
    const f = permissionsFrame(page);
    await f.getByRole("button", { name: "Add Users", exact: true }).click({ timeout: 20_000 });
    const panel = f.getByRole("dialog");
    await panel
      .getByText(/need Azure DevOps Services \(its Graph and User Entitlements APIs\)/)
      .waitFor({ timeout: 10_000 });
    expect(await panel.getByRole("tab", { name: "Group" }).count()).toBe(0);
    await panel.getByRole("textbox", { name: "E-mail address" }).fill("nobody@fabrikam.example");
    await panel.getByRole("button", { name: "Find", exact: true }).click();
    await panel
      .getByText("No user with the e-mail address “nobody@fabrikam.example” in this organization.")
      .waitFor({ timeout: 10_000 });

    await panel.getByRole("textbox", { name: "E-mail address" }).fill("aisha.okafor@fabrikam.example");
    await panel.getByRole("button", { name: "Find", exact: true }).click();
    const aisha = panel.getByRole("row", { name: /Aisha Okafor/ });
    await aisha.getByRole("checkbox").click({ timeout: 10_000 });
    await panel.getByRole("button", { name: "Add users (1)" }).click();
    await f.getByText("Role was successfully changed").waitFor({ timeout: 10_000 });
    await expect
      .poll(() => f.getByRole("row", { name: /Aisha Okafor/ }).textContent(), { timeout: 10_000 })
      .toContain("Default (Team)");
    // What Azure DevOps said decides on the backend too: the organization list is refused there.
    expect(e.u.stack.devops.state.org("fabrikam").deployment).toBe("server");
    await page.close();
  });

  it("says on the Group rules tab that rules need Services, offers no Add rule, and the backend refuses one", async () => {
    const page = await e.open(PRIYA, PERMISSIONS, { host: "server" });
    const f = permissionsFrame(page);
    await f.getByRole("tab", { name: "Group rules" }).click({ timeout: 20_000 });
    await f
      .getByText(/^Group rules need Azure DevOps Services: Azure DevOps Server has no Graph API/)
      .waitFor({ timeout: 10_000 });
    expect(await f.getByRole("button", { name: "Add rule" }).isDisabled()).toBe(true);
    expect(await f.getByText("No group rules yet.", { exact: false }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // A preview asked for anyway (an old page, a script) is refused with the same words.
    // Signed in afresh: what Azure DevOps says of the org is kept with the sign-in.
    const onServer = await signIn(e.u.stack, "fabrikam", PRIYA);
    const refused = await api<{ error: { message: string } }>(
      e.u.stack,
      onServer,
      "POST",
      "users/group-rules/preview",
      {
        groupDescriptor: e.u.stack.devops.state.org("fabrikam").group("Platform Team").descriptor,
        role: "Team",
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^Group rules need Azure DevOps Services/);
    await page.close();
  });

  it("goes back to Services when the host type is Cloud again, with all three ways to add", async () => {
    const page = await e.open(PRIYA, PERMISSIONS, { host: "cloud" });
    const f = permissionsFrame(page);
    await f.getByRole("button", { name: "Add Users", exact: true }).click({ timeout: 20_000 });
    const panel = f.getByRole("dialog");
    await panel.getByRole("row", { name: /Mei Chen/ }).waitFor({ timeout: 20_000 });
    expect(await panel.getByRole("tab").allTextContents()).toEqual(["Users", "Group", "E-mail"]);
    expect(e.u.stack.devops.state.org("fabrikam").deployment).toBe("services");
    await page.close();
  });
});
