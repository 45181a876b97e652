import Chargebee from "chargebee";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startChargebeeStandin, type ChargebeeStandin } from "./index";
import { completeCheckout, DECLINED_CARD, submitForm, TEST_CARD, TestClock } from "./test-drivers";

describe("hosted checkout", () => {
  let standin: ChargebeeStandin;
  let chargebee: Chargebee;
  const clock = new TestClock("2026-07-10T09:00:00Z");

  beforeEach(async () => {
    clock.set("2026-07-10T09:00:00Z");
    standin = await startChargebeeStandin({ port: 0, clock: clock.now, scheduledJobsIntervalMs: 0 });
    chargebee = new Chargebee(standin.clientConfig);
  });
  afterEach(() => standin.stop());

  const newCheckout = (extra: Record<string, unknown> = {}) =>
    chargebee.hostedPage.checkoutNewForItems({
      subscription_items: [{ item_price_id: "start-USD-yearly", quantity: 5 }],
      customer: { id: "org-contoso", email: "ada@example.com" },
      ...extra,
    });

  it("walks account, billing, payment and summary, then the subscription is active and paid", async () => {
    const { hosted_page: created } = await newCheckout({ pass_thru_content: "org=contoso" });
    expect(created.state).toBe("created");

    const finished = await completeCheckout(created.url ?? "", {
      account: { first_name: "Ada", last_name: "Lovelace", email: "ada@example.com", company: "Contoso" },
    });
    expect(finished.html).toContain("Thank you");
    expect(finished.html).toContain("You can close this window");

    const { hosted_page: page } = await chargebee.hostedPage.retrieve(created.id ?? "");
    expect(page.state).toBe("succeeded");
    expect(page.pass_thru_content).toBe("org=contoso");
    const { subscription, customer, invoice } = page.content;
    expect(customer).toMatchObject({
      id: "org-contoso",
      first_name: "Ada",
      last_name: "Lovelace",
      company: "Contoso",
      card_status: "valid",
    });
    expect(customer.billing_address).toMatchObject({ line1: "1 Main Street", city: "Springfield", country: "US" });

    const now = Date.parse("2026-07-10T09:00:00Z") / 1000;
    const yearLater = Date.parse("2027-07-10T09:00:00Z") / 1000;
    expect(subscription).toMatchObject({
      status: "active",
      customer_id: "org-contoso",
      billing_period_unit: "year",
      current_term_start: now,
      current_term_end: yearLater,
      next_billing_at: yearLater,
    });
    expect(subscription.subscription_items?.[0]).toMatchObject({
      item_price_id: "start-USD-yearly",
      quantity: 5,
      unit_price: 9600,
      amount: 48000,
    });
    // 5 users × $8 × 12 months, paid by card.
    expect(invoice).toMatchObject({
      status: "paid",
      total: 48000,
      amount_paid: 48000,
      amount_due: 0,
      subscription_id: subscription.id,
    });

    const retrieved = await chargebee.subscription.retrieve(subscription.id);
    expect(retrieved.subscription.status).toBe("active");
    expect(retrieved.card).toMatchObject({ last4: "1111", card_type: "visa" });
  });

  it("shows the order and total on every step, and keeps Pay & subscribe disabled until the terms are accepted", async () => {
    const { hosted_page: created } = await newCheckout();
    const account = await (await fetch(created.url ?? "")).text();
    expect(account).toContain("Add your account details");
    expect(account).toContain("$480.00");
    expect(account).toMatch(/<label for="f-first_name">First name/);

    let step = await submitForm(created.url ?? "", account, {
      first_name: "Ada",
      last_name: "Lovelace",
      email: "ada@example.com",
    });
    expect(step.html).toContain("Billing details");
    step = await submitForm(step.response.url, step.html, {
      line1: "1 Main Street",
      city: "Springfield",
      zip: "12345",
      country: "US",
    });
    expect(step.html).toContain("Payment details");
    step = await submitForm(step.response.url, step.html, TEST_CARD);
    expect(step.html).toContain("Summary");
    expect(step.html).toContain("ending in 1111");
    expect(step.html).toContain("Terms of Service and Privacy Policy");
    expect(step.html).toMatch(/<button type="submit" id="pay" disabled>Pay &amp; subscribe<\/button>/);

    const withoutTerms = await submitForm(step.response.url, step.html, {});
    expect(withoutTerms.response.status).toBe(400);
    expect(withoutTerms.html).toContain("Please accept the Terms of Service and Privacy Policy");
    expect((await chargebee.hostedPage.retrieve(created.id ?? "")).hosted_page.state).toBe("requested");
  });

  it("rejects a declined card with a visible message and creates nothing", async () => {
    const { hosted_page: created } = await newCheckout();
    const declined = await completeCheckout(created.url ?? "", { card: DECLINED_CARD }).catch(
      (error: Error) => error.message,
    );
    expect(declined).toContain("402");
    expect(declined).toContain("Your card was declined.");
    expect(standin.state.subscriptions.size).toBe(0);
    expect(standin.state.invoices.size).toBe(0);
  });

  it("reports invalid fields next to them and does not advance", async () => {
    const { hosted_page: created } = await newCheckout();
    const account = await (await fetch(created.url ?? "")).text();
    const result = await submitForm(created.url ?? "", account, {
      first_name: "",
      last_name: "L",
      email: "not-an-email",
    });
    expect(result.response.status).toBe(400);
    expect(result.html).toContain('role="alert"');
    expect(result.html).toMatch(/aria-invalid="true" aria-describedby="f-email-error"/);
    expect(result.html).toContain("Enter a valid email address.");
    // Skipping ahead is sent back to the first open step.
    const skipped = await fetch(`${created.url}/summary`);
    expect(skipped.url).toMatch(/\/account$/);
  });

  it("redirects to redirect_url with the page id and state, like Chargebee", async () => {
    const { hosted_page: created } = await newCheckout({ redirect_url: "http://127.0.0.1:9/done?from=checkout" });
    const page = await fetch(created.url ?? "");
    let step = { response: page, html: await page.text() };
    step = await submitForm(step.response.url, step.html, {
      first_name: "Ada",
      last_name: "L",
      email: "ada@example.com",
    });
    step = await submitForm(step.response.url, step.html, { line1: "1 Main", city: "X", zip: "1", country: "DE" });
    await submitForm(step.response.url, step.html, TEST_CARD);
    const pay = await fetch(new URL(`${created.url}/summary`), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "accept_terms=on",
      redirect: "manual",
    });
    expect(pay.status).toBe(303);
    const location = new URL(pay.headers.get("location") ?? "");
    expect(location.searchParams.get("from")).toBe("checkout");
    expect(location.searchParams.get("id")).toBe(created.id);
    expect(location.searchParams.get("state")).toBe("succeeded");
  });

  it("refuses quantities outside the plan's seat range before any page exists", async () => {
    const error = await chargebee.hostedPage
      .checkoutNewForItems({ subscription_items: [{ item_price_id: "start-USD-monthly", quantity: 25 }] })
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      http_status_code: 400,
      api_error_code: "param_wrong_value",
      param: "subscription_items[quantity][0]",
    });
    expect(standin.state.hostedPages.size).toBe(0);
  });

  it("expires unused pages after a day", async () => {
    const { hosted_page: created } = await newCheckout();
    clock.advanceDays(2);
    const response = await fetch(created.url ?? "");
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("This link has expired");
  });

  it("adds a card on the payment sources page", async () => {
    const { hosted_page: created } = await newCheckout();
    await completeCheckout(created.url ?? "");
    const { hosted_page: manage } = await chargebee.hostedPage.managePaymentSources({
      customer: { id: "org-contoso" },
    });
    const pageUrl = manage.url ?? "";
    const html = await (await fetch(pageUrl)).text();
    expect(html).toContain("Visa ending in 1111");
    expect(html).toMatch(/<button type="submit">Add<\/button>/);

    const added = await submitForm(pageUrl, html, { card_number: "5555 5555 5555 4444", expiry: "01/36", cvc: "999" });
    expect(added.html).toContain("You can close this window");
    const { customer, card } = await chargebee.customer.retrieve("org-contoso");
    expect(card).toMatchObject({ last4: "4444", card_type: "mastercard", expiry_month: 1, expiry_year: 2036 });
    expect(customer.primary_payment_source_id).toBe(card?.payment_source_id);
    expect((await chargebee.hostedPage.retrieve(manage.id ?? "")).hosted_page.state).toBe("succeeded");
    expect(standin.state.events.map((event) => event.event_type)).toContain("payment_source_added");
  });
});
