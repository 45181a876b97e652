import Chargebee from "chargebee";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startChargebeeStandin, type ChargebeeStandin } from "./index";
import { completeCheckout, TestClock } from "./test-drivers";

describe("Chargebee API stand-in", () => {
  let standin: ChargebeeStandin;
  let chargebee: Chargebee;
  const clock = new TestClock("2026-07-10T09:00:00Z");

  beforeEach(async () => {
    clock.set("2026-07-10T09:00:00Z");
    standin = await startChargebeeStandin({ port: 0, clock: clock.now, scheduledJobsIntervalMs: 0 });
    chargebee = new Chargebee(standin.clientConfig);
  });
  afterEach(() => standin.stop());

  async function subscribe(): Promise<string> {
    const { hosted_page } = await chargebee.hostedPage.checkoutNewForItems({
      subscription_items: [{ item_price_id: "team-USD-monthly", quantity: 5 }],
      customer: { id: "org-1" },
    });
    await completeCheckout(hosted_page.url ?? "");
    return (await chargebee.hostedPage.retrieve(hosted_page.id ?? "")).hosted_page.content.subscription.id;
  }

  it("serves the client's URL scheme: /api/v2 on the configured host and port", async () => {
    const response = await fetch(`${standin.url}/api/v2/item_prices/team-USD-monthly`, {
      headers: { Authorization: `Basic ${Buffer.from(`${standin.apiKey}:`).toString("base64")}` },
    });
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toMatchObject({
      item_price: { id: "team-USD-monthly", price: 1600, object: "item_price" },
    });
  });

  it("lists the catalog with prices, tiers and seat limits, filtered like Chargebee", async () => {
    const all = await chargebee.itemPrice.list({ limit: 100 });
    expect(all.list.map((entry) => entry.item_price.id).sort()).toEqual([
      "free-USD-monthly",
      "free-USD-yearly",
      "start-USD-monthly",
      "start-USD-yearly",
      "team-USD-monthly",
      "team-USD-yearly",
      "ultimate-USD-monthly",
      "ultimate-USD-yearly",
    ]);
    const yearly = await chargebee.itemPrice.list({ period_unit: { is: "year" }, item_id: { in: ["start", "team"] } });
    expect(
      yearly.list.map((entry): unknown[] => [entry.item_price.id, entry.item_price.price, entry.item_price.metadata]),
    ).toEqual([
      ["start-USD-yearly", 9600, { min_quantity: 1, max_quantity: 19 }],
      ["team-USD-yearly", 15600, { min_quantity: 1, max_quantity: 299 }],
    ]);
    const { item_price: ultimate } = await chargebee.itemPrice.retrieve("ultimate-USD-yearly");
    expect(ultimate).toMatchObject({ pricing_model: "tiered", period_unit: "year", metadata: { min_quantity: 20 } });
    expect(ultimate.tiers).toEqual([
      { starting_unit: 1, ending_unit: 100, price: 20400, pricing_type: "per_unit" },
      { starting_unit: 101, ending_unit: 250, price: 12000, pricing_type: "per_unit" },
      { starting_unit: 251, price: 8400, pricing_type: "per_unit" },
    ]);

    const firstPage = await chargebee.itemPrice.list({ limit: 3 });
    expect(firstPage.list).toHaveLength(3);
    const secondPage = await chargebee.itemPrice.list({ limit: 10, offset: firstPage.next_offset ?? "" });
    expect(secondPage.list).toHaveLength(5);
    expect(secondPage.next_offset).toBeUndefined();
  });

  it("refuses a wrong API key with Chargebee's 401, thrown as a plain object", async () => {
    const wrong = new Chargebee({ ...standin.clientConfig, apiKey: "live_wrong" });
    const error = await wrong.itemPrice.list().catch((thrown: unknown) => thrown);
    expect(error).not.toBeInstanceOf(Error);
    expect(error).toMatchObject({
      http_status_code: 401,
      type: "untyped",
      api_error_code: "api_authentication_failed",
    });
  });

  it("answers unknown resources with 404 resource_not_found", async () => {
    const error = await chargebee.subscription.retrieve("nope").catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ http_status_code: 404, api_error_code: "resource_not_found" });
  });

  it("replays a write with the same idempotency key instead of doing it twice", async () => {
    const id = await subscribe();
    const change = { subscription_items: [{ item_price_id: "team-USD-monthly", quantity: 9 }] };
    clock.advanceDays(3);
    const first = await chargebee.subscription.updateForItems(id, change, { "chargebee-idempotency-key": "same-key" });
    const invoicesAfterFirst = standin.state.invoices.size;
    const replay = await chargebee.subscription.updateForItems(id, change, { "chargebee-idempotency-key": "same-key" });
    expect(replay.isIdempotencyReplayed).toBe("true");
    expect(replay.invoice?.id).toBe(first.invoice?.id);
    expect(standin.state.invoices.size).toBe(invoicesAfterFirst);
    expect(standin.state.events.filter((event) => event.event_type === "subscription_changed")).toHaveLength(1);

    const other = await chargebee.subscription.updateForItems(
      id,
      { subscription_items: [{ item_price_id: "team-USD-monthly", quantity: 10 }] },
      { "chargebee-idempotency-key": "other-key" },
    );
    expect(other.isIdempotencyReplayed).toBe(false);
    expect(standin.state.invoices.size).toBe(invoicesAfterFirst + 1);
  });

  it("refuses a reused idempotency key with other parameters with 422 unable_to_process_request, and does nothing", async () => {
    const id = await subscribe();
    const key = { "chargebee-idempotency-key": "reused-key" };
    await chargebee.subscription.updateForItems(
      id,
      { subscription_items: [{ item_price_id: "team-USD-monthly", quantity: 9 }] },
      key,
    );
    const invoices = standin.state.invoices.size;
    const reused = await chargebee.subscription
      .updateForItems(id, { subscription_items: [{ item_price_id: "team-USD-monthly", quantity: 11 }] }, key)
      .catch((thrown: unknown) => thrown);
    expect(reused).toMatchObject({
      http_status_code: 422,
      type: "invalid_request",
      api_error_code: "unable_to_process_request",
    });
    expect((await chargebee.subscription.retrieve(id)).subscription.subscription_items?.[0]?.quantity).toBe(9);
    expect(standin.state.invoices.size).toBe(invoices);
    // The same parameters in another order are the same request: replayed.
    const form = "subscription_items[quantity][0]=9&subscription_items[item_price_id][0]=team-USD-monthly";
    const replay = await fetch(`${standin.url}/api/v2/subscriptions/${id}/update_for_items`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${standin.apiKey}:`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
        ...key,
      },
      body: form,
    });
    expect([replay.status, replay.headers.get("chargebee-idempotency-replayed")]).toEqual([200, "true"]);
  });

  it("injects only failures Chargebee documents, with its type and code for the status", async () => {
    for (const [status, type, code] of [
      [409, "invalid_request", "invalid_state_for_request"],
      [422, "invalid_request", "unable_to_process_request"],
      [429, "operation_failed", "api_request_limit_exceeded"],
    ] as const) {
      standin.failNext({ status });
      expect(await chargebee.itemPrice.list().catch((thrown: unknown) => thrown)).toMatchObject({
        http_status_code: status,
        type,
        api_error_code: code,
      });
    }
    expect(() => standin.failNext({ status: 418 })).toThrow(/Chargebee answers API errors with 400, 401/);
  });

  it("injects failures: an error without effect, and a slow answer whose retry is replayed", async () => {
    const id = await subscribe();
    standin.failNext({ status: 503 });
    const unavailable = await chargebee.subscription.retrieve(id).catch((thrown: unknown) => thrown);
    expect(unavailable).toMatchObject({ http_status_code: 503 });

    const slowClient = new Chargebee({ ...standin.clientConfig, timeout: 100 });
    standin.failNext({ delayMs: 400 });
    const change = { subscription_items: [{ item_price_id: "team-USD-monthly", quantity: 7 }] };
    const timedOut = await slowClient.subscription
      .updateForItems(id, change, { "chargebee-idempotency-key": "retry-1" })
      .catch((thrown: unknown) => thrown);
    expect(timedOut).toMatchObject({ type: "timeout", http_status_code: 504 });
    const retried = await chargebee.subscription.updateForItems(id, change, { "chargebee-idempotency-key": "retry-1" });
    expect(retried.isIdempotencyReplayed).toBe("true");
    expect(retried.subscription.subscription_items?.[0]?.quantity).toBe(7);
    expect(standin.state.events.filter((event) => event.event_type === "subscription_changed")).toHaveLength(1);
  });

  it("lists invoices by subscription and serves their PDF through the download link", async () => {
    const id = await subscribe();
    clock.advanceDays(5);
    await chargebee.subscription.updateForItems(id, {
      subscription_items: [{ item_price_id: "team-USD-monthly", quantity: 8 }],
    });
    const newest = await chargebee.invoice.list({ subscription_id: { is: id }, "sort_by[desc]": "date" });
    const oldest = await chargebee.invoice.list({ subscription_id: { is: id }, "sort_by[asc]": "date" });
    expect(newest.list.map((entry) => entry.invoice.id)).toEqual(["2", "1"]);
    expect(oldest.list.map((entry) => entry.invoice.id)).toEqual(["1", "2"]);
    expect((await chargebee.invoice.list({ customer_id: { is: "someone-else" } })).list).toEqual([]);

    const { download } = await chargebee.invoice.pdf("1");
    expect(download.valid_till).toBeGreaterThan(Math.floor(clock.now().getTime() / 1000));
    const pdf = await fetch(download.download_url);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = Buffer.from(await pdf.arrayBuffer()).toString("latin1");
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text).toContain("(Invoice #1)");
    expect(text).toContain("$80.00");
    expectValidXref(text);

    const { list: notes } = await chargebee.creditNote.list({ customer_id: { is: "org-1" } });
    const creditNoteId = notes[0]?.credit_note.id ?? "";
    const creditPdf = await fetch((await chargebee.creditNote.pdf(creditNoteId)).download.download_url);
    expect(Buffer.from(await creditPdf.arrayBuffer()).toString("latin1")).toContain(`(Credit Note ${creditNoteId})`);

    clock.advanceDays(1);
    expect((await fetch(download.download_url)).status).toBe(403);
  });

  it("updates customers, billing addresses and contacts", async () => {
    await chargebee.customer.create({ id: "org-2", email: "billing@example.com", company: "Fabrikam" });
    const duplicate = await chargebee.customer.create({ id: "org-2" }).catch((thrown: unknown) => thrown);
    expect(duplicate).toMatchObject({ api_error_code: "duplicate_entry" });

    await chargebee.customer.update("org-2", { first_name: "Grace", last_name: "Hopper" });
    const billing = await chargebee.customer.updateBillingInfo("org-2", {
      billing_address: { line1: "2 Harbour Road", city: "Arlington", zip: "22201", country: "US" },
    });
    expect(billing.customer).toMatchObject({
      first_name: "Grace",
      billing_address: { line1: "2 Harbour Road", country: "US" },
    });
    const badCountry = await chargebee.customer
      .updateBillingInfo("org-2", { billing_address: { country: "USA" } })
      .catch((thrown: unknown) => thrown);
    expect(badCountry).toMatchObject({ http_status_code: 400, param: "billing_address[country]" });

    const added = await chargebee.customer.addContact("org-2", {
      contact: { email: "finance@example.com", first_name: "Fin", send_billing_email: true },
    });
    const contactId = added.customer.contacts?.[0]?.id ?? "";
    await chargebee.customer.updateContact("org-2", { contact: { id: contactId, last_name: "Ance" } });
    const { list } = await chargebee.customer.contactsForCustomer("org-2");
    expect(list.map((entry) => entry.contact)).toEqual([
      expect.objectContaining({
        id: contactId,
        email: "finance@example.com",
        first_name: "Fin",
        last_name: "Ance",
        send_billing_email: true,
      }),
    ]);
    expect(standin.state.events.map((event) => event.event_type)).toEqual([
      "customer_created",
      "customer_changed",
      "customer_changed",
      "customer_changed",
      "customer_changed",
    ]);
  });

  it("dumps its state for debugging", async () => {
    await subscribe();
    const state = (await (await fetch(`${standin.url}/_dev/state`)).json()) as {
      subscriptions: unknown[];
      events: unknown[];
    };
    expect(state.subscriptions).toHaveLength(1);
    expect(state.events.length).toBeGreaterThan(0);
  });
});

/** Every cross-reference entry must point at the start of its object, or viewers reject the file. */
function expectValidXref(pdf: string): void {
  const start = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
  expect(pdf.slice(start, start + 4)).toBe("xref");
  const entries = [...pdf.slice(start).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
  expect(entries.length).toBeGreaterThan(5);
  entries.forEach((offset, index) => expect(pdf.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
}
