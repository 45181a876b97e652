import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Chargebee from "chargebee";
import { afterEach, describe, expect, it } from "vitest";
import { startChargebeeStandin } from "./index";

describe("persistFile", () => {
  let folder = "";
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it("continues after a restart with the same customers, subscriptions and numbering", async () => {
    folder = await mkdtemp(join(tmpdir(), "cb-standin-"));
    const persistFile = join(folder, "chargebee.json");
    const first = await startChargebeeStandin({ port: 0, persistFile, scheduledJobsIntervalMs: 0 });
    const before = new Chargebee(first.clientConfig);
    await before.customer.create({ id: "org-1", email: "ada@example.com" });
    const created = await before.subscription.createWithItems("org-1", {
      subscription_items: [{ item_price_id: "free-USD-monthly", quantity: 3 }],
    });
    await first.stop();

    const second = await startChargebeeStandin({ port: 0, persistFile, scheduledJobsIntervalMs: 0 });
    try {
      const after = new Chargebee(second.clientConfig);
      const { subscription } = await after.subscription.retrieve(created.subscription.id);
      expect(subscription).toMatchObject({ status: "active", customer_id: "org-1" });
      await after.subscription.updateForItems(subscription.id, {
        subscription_items: [{ item_price_id: "start-USD-monthly", quantity: 3 }],
      });
      expect([...second.state.invoices.keys()]).toEqual(["1", "2"]);
      expect(second.state.events.map((event) => event.event_type)).toContain("subscription_created");
    } finally {
      await second.stop();
    }
  });
});
