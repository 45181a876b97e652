import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "../../../functions/http/route";
import type {
  BillingDetailsResponse,
  CheckoutStarted,
  DocumentsResponse,
  HostedPageResponse,
  PdfLinkResponse,
} from "../../../functions/contracts/billing";
import { signIn, type SignedIn } from "../support/sign-in";
import { completeCheckout } from "./support/hosted-checkout";
import { requestId, setRole, startBillingStack, type BillingStack } from "./support/billing-stack";

/** The Billing and Invoices tabs, and who may use any subscription endpoint (PCAs only). */
let t: BillingStack;
let marcus: SignedIn;
beforeAll(async () => {
  t = await startBillingStack();
  await t.license(4);
  marcus = t.users[3]!;
  const started = await t.call<CheckoutStarted>(t.priya, "POST", "subscription/checkout", {
    plan: "team",
    period: "monthly",
    seats: 4,
    requestId: requestId(),
  });
  await completeCheckout(started.body.url);
  await t.call(t.priya, "POST", `subscription/checkout/${started.body.hostedPageId}/sync`);
  // An upgrade's proration leaves an invoice and a credit note beside the first invoice.
  await t.call(t.priya, "POST", "subscription/change", {
    plan: "team",
    period: "yearly",
    seats: 4,
    requestId: requestId(),
  });
  await t.chargebee.webhooksIdle();
});
afterAll(async () => {
  await t?.stack.stop();
});

const address = {
  firstName: "Priya",
  lastName: "Patel",
  company: "Fabrikam Ltd",
  line1: "2 Harbour Road",
  line2: "Floor 4",
  city: "Dublin",
  zip: "D02",
  country: "IE",
};

describe("Billing tab", () => {
  it("shows the billing address, card and contact given at checkout", async () => {
    const { status, body } = await t.call<BillingDetailsResponse>(t.priya, "GET", "subscription/billing");
    expect(status).toBe(200);
    expect(body.customer).toMatchObject({
      id: t.priya.org.id,
      billingAddress: { line1: "1 Microsoft Way", city: "Redmond", zip: "98052", country: "US" },
      paymentMethod: { brand: "visa", last4: "1111", expiryMonth: 12, expiryYear: 2039 },
      contact: { firstName: "Priya", lastName: "Patel", email: "priya.patel@fabrikam.example" },
    });
  });

  it("updates the billing address (Manage Billing Address › Update)", async () => {
    const { status, body } = await t.call<BillingDetailsResponse>(t.priya, "POST", "subscription/billing/address", {
      ...address,
      requestId: requestId(),
    });
    expect(status).toBe(200);
    expect(body.customer?.billingAddress).toMatchObject(address);
    expect(t.chargebee.state.customers.get(t.priya.org.id)?.billing_address).toMatchObject({
      line1: "2 Harbour Road",
      city: "Dublin",
      country: "IE",
    });
  });

  it("refuses an incomplete address with the reason, and changes nothing", async () => {
    const { status, body } = await t.call(t.priya, "POST", "subscription/billing/address", {
      ...address,
      city: "",
      country: "Ireland",
      requestId: requestId(),
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { message: expect.stringMatching(/City is required.*two-letter ISO code/) } });
    expect(t.chargebee.state.customers.get(t.priya.org.id)?.billing_address?.city).toBe("Dublin");
  });

  it("updates the contact (Manage Contact › Update)", async () => {
    const contact = {
      firstName: "Daniel",
      lastName: "Kim",
      email: "billing@fabrikam.example",
      phone: "+1 425 555 0100",
    };
    const { body } = await t.call<BillingDetailsResponse>(t.priya, "POST", "subscription/billing/contact", {
      ...contact,
      requestId: requestId(),
    });
    expect(body.customer?.contact).toMatchObject(contact);
    const bad = await t.call(t.priya, "POST", "subscription/billing/contact", {
      ...contact,
      email: "not-an-email",
      requestId: requestId(),
    });
    expect(bad.status).toBe(400);
  });

  it("opens Chargebee's hosted page for Adjust Payment Details", async () => {
    const { status, body } = await t.call<HostedPageResponse>(t.priya, "POST", "subscription/billing/payment-page", {
      requestId: requestId(),
    });
    expect(status).toBe(201);
    expect(body.url.startsWith(t.chargebee.url)).toBe(true);
    expect((await fetch(body.url)).status).toBe(200);
  });
});

describe("Invoices tab", () => {
  it("lists every invoice and credit note, newest first", async () => {
    const { body } = await t.call<DocumentsResponse>(t.priya, "GET", "subscription/invoices");
    const kinds = body.documents.map((d) => d.kind);
    expect(kinds.filter((k) => k === "invoice")).toHaveLength(2);
    expect(kinds.filter((k) => k === "credit_note")).toHaveLength(1);
    expect(body.documents.map((d) => d.date)).toEqual([...body.documents.map((d) => d.date)].sort().reverse());
  });

  it("downloads each document as a PDF, to save or to print", async () => {
    const { body } = await t.call<DocumentsResponse>(t.priya, "GET", "subscription/invoices");
    for (const document of body.documents) {
      for (const disposition of ["attachment", "inline"]) {
        const link = await t.call<PdfLinkResponse>(
          t.priya,
          "GET",
          `subscription/invoices/${document.kind}/${document.id}/pdf?disposition=${disposition}`,
        );
        expect(link.status).toBe(200);
        const pdf = await fetch(link.body.url);
        expect(pdf.headers.get("content-type")).toContain("application/pdf");
        expect(
          Buffer.from(await pdf.arrayBuffer())
            .subarray(0, 5)
            .toString(),
        ).toBe("%PDF-");
      }
    }
  });

  it("finds no document that is not the org's, and refuses unknown kinds", async () => {
    expect((await t.call(t.priya, "GET", "subscription/invoices/invoice/999/pdf")).status).toBe(404);
    expect((await t.call(t.priya, "GET", "subscription/invoices/receipt/1/pdf")).status).toBe(400);
    const alex = await signIn(t.stack, "contoso", "alex.rivera@contoso.example");
    const theirs = await t.call(alex, "GET", "subscription/invoices/invoice/1/pdf");
    expect(theirs.status).toBe(404);
  });
});

/** One request per subscription route; the PCA check comes before anything is read. */
const BILLING_REQUESTS: [string, string, string, unknown?][] = [
  ["subscription-get", "GET", "subscription"],
  ["subscription-plans", "GET", "subscription/plans"],
  ["subscription-quote", "POST", "subscription/quote", { plan: "team", period: "yearly", seats: 5 }],
  [
    "subscription-checkout",
    "POST",
    "subscription/checkout",
    { plan: "team", period: "yearly", seats: 5, requestId: "request-0001" },
  ],
  ["subscription-checkout-sync", "POST", "subscription/checkout/abc/sync"],
  [
    "subscription-change",
    "POST",
    "subscription/change",
    { plan: "team", period: "yearly", seats: 5, requestId: "request-0002" },
  ],
  ["subscription-cancel", "POST", "subscription/cancel", { requestId: "request-0003" }],
  ["subscription-free", "POST", "subscription/free", { requestId: "request-0004" }],
  ["subscription-billing", "GET", "subscription/billing"],
  ["subscription-billing-address", "POST", "subscription/billing/address", { ...address, requestId: "request-0005" }],
  [
    "subscription-billing-contact",
    "POST",
    "subscription/billing/contact",
    { firstName: "A", lastName: "B", email: "a@b.example", requestId: "request-0006" },
  ],
  ["subscription-billing-payment-page", "POST", "subscription/billing/payment-page", { requestId: "request-0007" }],
  ["subscription-invoices", "GET", "subscription/invoices"],
  ["subscription-invoice-pdf", "GET", "subscription/invoices/invoice/1/pdf"],
];

describe("who may manage the subscription", () => {
  it("covers every subscription route", () => {
    const registered = ROUTES.filter((r) => r.name.startsWith("subscription")).map((r) => r.name);
    expect(registered.sort()).toEqual(BILLING_REQUESTS.map(([name]) => name).sort());
  });

  it.each(BILLING_REQUESTS)(
    "refuses a Timetracker Administrator who is not a PCA: %s",
    async (_, method, path, body) => {
      await setRole(t, marcus, "Administrator");
      const before = JSON.stringify([...t.chargebee.state.subscriptions.values()]);
      const { status, body: answer } = await t.call(marcus, method, path, body);
      expect(status).toBe(403);
      expect(answer).toMatchObject({
        error: { message: "Only Project Collection Administrators can see and change the Timetracker subscription." },
      });
      expect(JSON.stringify([...t.chargebee.state.subscriptions.values()])).toBe(before);
    },
  );

  it("refuses anyone not signed in", async () => {
    for (const [, method, path, body] of BILLING_REQUESTS)
      expect((await t.call({ headers: {} } as never, method, path, body)).status).toBe(401);
  });
});
