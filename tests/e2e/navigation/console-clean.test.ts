import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleMessage, FrameLocator, Page } from "playwright-core";
import { startBackendStack, type BackendStack } from "../../../dev/stack";
import { startDevHostSession, type DevHostSession } from "../support/dev-host-session";

/**
 * A normal walk through every Timetracker page, in the light and the dark theme, with the
 * React development build `npm start` serves (it is the one that warns): nothing on the
 * console may be an error or a warning, in the host page or in any of our frames.
 */
let stack: BackendStack;
let session: DevHostSession;
const PCA = "priya.patel@fabrikam.example";
const SEEN_MS = 20_000;

beforeAll(async () => {
  stack = await startBackendStack({ ports: "random" });
  session = await startDevHostSession(stack, "console", { development: true });
}, 180_000);
afterAll(async () => {
  await session?.stop();
  await stack?.stop();
});

/** Everything a page printed that a developer would have to look into. */
class ConsoleRecord {
  readonly problems: string[] = [];

  constructor(page: Page) {
    page.on("console", (message: ConsoleMessage) => {
      if (message.type() === "error" || message.type() === "warning") {
        const where = message
          .location()
          .url.replace(/^.*\/ext\/dist\/web\//, "")
          .replace(/\?.*$/, "");
        this.problems.push(`${message.type()} in ${where || "the host"}: ${message.text().slice(0, 1500)}`);
      }
    });
    page.on("pageerror", (error) => this.problems.push(`uncaught: ${error.message}`));
  }
}

const frame = (page: Page, file: string): FrameLocator => page.frameLocator(`iframe[src*="${file}"]`);
const see = (locator: { first(): { waitFor(o: object): Promise<void> } }) =>
  locator.first().waitFor({ state: "visible", timeout: SEEN_MS });

async function walkHub(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Timetracker", exact: true }).click();
  const hub = frame(page, "hub.html");
  await see(hub.getByRole("tab", { name: "My time" }));
  await hub.getByRole("tab", { name: "Times Explorer" }).click();
  await see(hub.getByRole("group", { name: "Filters" }));
  await hub.getByRole("tab", { name: "Settings" }).click();
  await see(hub.getByRole("heading", { name: "Activity types" }));
  await hub.getByRole("button", { name: "Why am I seeing this?" }).click();
  await see(hub.getByText(/Project Collection Administrator/));
}

async function walkWorkItem(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Work items" }).click();
  await page.getByRole("link", { name: "Reset password by email" }).click();
  const group = frame(page, "work-item-group.html");
  await see(group.getByRole("button", { name: "Add Time" }));
  await group.getByRole("button", { name: "Add Time" }).click();
  const dialog = frame(page, "add-time-dialog.html");
  await see(dialog.getByRole("button", { name: "Cancel" }));
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("tab", { name: "Time" }).click();
  await see(frame(page, "work-item-page.html").getByText("Time on this work item"));
}

async function walkPermissions(page: Page, addWho: string): Promise<void> {
  await page.getByRole("link", { name: "Timetracker Permissions" }).click();
  const permissions = frame(page, "permissions.html");
  const licensed = permissions.getByRole("grid", { name: "Licensed users" });
  await see(licensed.getByRole("row", { name: /Priya Patel/ }));
  await permissions.getByRole("button", { name: "Add Users", exact: true }).click();
  const unlicensed = permissions.getByRole("grid", { name: "Unlicensed users" });
  await unlicensed
    .getByRole("row", { name: new RegExp(addWho) })
    .getByRole("checkbox", { name: "Select row" })
    .click();
  await permissions.getByRole("button", { name: "Add users (1)" }).click();
  const added = licensed.getByRole("row", { name: new RegExp(addWho) });
  await see(added);
  await added.getByRole("checkbox", { name: "Select row" }).click();
  await permissions
    .getByRole("group", { name: "Assign role" })
    .getByRole("button", { name: "Product", exact: true })
    .click();
  await see(permissions.getByText("Role was successfully changed"));
  await permissions.getByRole("button", { name: "Add Users", exact: true }).click();
  await permissions.getByRole("tab", { name: "Group", exact: true }).click();
  await permissions.getByRole("textbox", { name: "Group name" }).fill("Engineering");
  await permissions.getByRole("button", { name: /^Engineering \(/ }).click();
  await see(
    permissions.getByRole("grid", { name: "Members of Engineering" }).getByRole("row", { name: /Chloé Dubois/ }),
  );
  await permissions.getByRole("button", { name: "Cancel" }).click();
  await permissions.getByRole("tab", { name: "Group rules" }).click();
  await see(permissions.getByText("No group rules yet.", { exact: false }));
  await permissions.getByRole("button", { name: "Add rule" }).click();
  await permissions.getByRole("textbox", { name: "Group name" }).fill("Engineering");
  await permissions.getByRole("button", { name: /^Engineering \(/ }).click();
  await see(permissions.getByRole("region", { name: "Preview" }));
  await permissions.getByRole("button", { name: "Cancel" }).click();
}

async function walkSubscription(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Timetracker Subscription" }).click();
  const subscription = frame(page, "subscription.html");
  await see(subscription.getByRole("heading", { name: "Activation Information" }));
  await subscription.getByRole("tab", { name: "Billing" }).click();
  await subscription.getByRole("tab", { name: "Invoices" }).click();
  await subscription.getByRole("tab", { name: "Subscription" }).click();
  await subscription
    .getByRole("button", { name: /Buy Now/ })
    .last()
    .click();
  await see(subscription.getByRole("button", { name: "Back" }));
}

describe("a walk through every page prints no console error or warning", { timeout: 120_000 }, () => {
  for (const [theme, addWho] of [
    ["light", "Marcus Johnson"],
    ["dark", "Aisha Okafor"],
  ] as const) {
    it(`in the ${theme} theme`, async () => {
      const page = await session.open(PCA, "#/workitems", { theme });
      const record = new ConsoleRecord(page);
      try {
        await walkHub(page);
        await walkWorkItem(page);
        await walkPermissions(page, addWho);
        await walkSubscription(page);
        await page.waitForLoadState("networkidle").catch(() => undefined);
      } finally {
        await page.close();
      }
      expect(record.problems).toEqual([]);
    });
  }
});
