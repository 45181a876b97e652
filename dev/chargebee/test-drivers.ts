/**
 * Helpers for tests that use the stand-in: a movable clock, a webhook
 * receiver, and a form driver that completes hosted pages over plain HTTP
 * (reading the real markup, so the pages' forms are what gets tested).
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export class TestClock {
  private current: Date;

  constructor(start: Date | string) {
    this.current = new Date(start);
  }

  readonly now = (): Date => new Date(this.current);

  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }

  set(date: Date | string): void {
    this.current = new Date(date);
  }
}

export interface ParsedForm {
  action: string;
  fields: string[];
}

/** The first POST form of a page: its action and the names of its inputs, selects and buttons. */
export function parseForm(html: string): ParsedForm {
  const form = /<form\b[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`no form on page:\n${html.slice(0, 500)}`);
  const action = /action="([^"]*)"/.exec(form[0])?.[1];
  if (!action) throw new Error("form without action");
  const fields = [...(form[1] ?? "").matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/gi)].map(
    (match) => match[1] ?? "",
  );
  return { action: action.replace(/&amp;/g, "&"), fields };
}

/** Submits the page's form like a browser would (following the 303 that follows), refusing fields the form doesn't have. */
export async function submitForm(
  pageUrl: string,
  html: string,
  values: Record<string, string>,
): Promise<{ response: Response; html: string }> {
  const form = parseForm(html);
  for (const name of Object.keys(values)) {
    if (!form.fields.includes(name))
      throw new Error(`form ${form.action} has no field "${name}" (has ${form.fields.join(", ")})`);
  }
  const response = await fetch(new URL(form.action, pageUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(values).toString(),
  });
  return { response, html: await response.text() };
}

export interface CheckoutInput {
  account?: Record<string, string>;
  billing?: Record<string, string>;
  card?: Record<string, string>;
}

export const TEST_CARD = { card_number: "4111 1111 1111 1111", expiry: "12/35", cvc: "123" };
export const DECLINED_CARD = { card_number: "4000 0000 0000 0002", expiry: "12/35", cvc: "123" };

/** Walks a checkout hosted page through account → billing → payment → summary → "Pay & subscribe". */
export async function completeCheckout(
  url: string,
  input: CheckoutInput = {},
): Promise<{ response: Response; html: string }> {
  const start = await fetch(url);
  let step = { response: start, html: await start.text() };
  const fill = async (values: Record<string, string>): Promise<void> => {
    step = await submitForm(step.response.url, step.html, values);
    if (!step.response.ok) throw new Error(`checkout step failed with ${step.response.status}:\n${step.html}`);
  };
  await fill(
    input.account ?? {
      first_name: "Ada",
      last_name: "Lovelace",
      email: "ada@example.com",
      company: "Analytical Engines",
    },
  );
  await fill(input.billing ?? { line1: "1 Main Street", city: "Springfield", zip: "12345", country: "US" });
  await fill(input.card ?? TEST_CARD);
  await fill({ accept_terms: "on" });
  return step;
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  json: {
    id: string;
    event_type: string;
    occurred_at: number;
    content: Record<string, { resource_version?: number; id?: string }>;
  };
}

/** A webhook endpoint on a random port; answers with `status()` (200 unless a test changes it). */
export async function startWebhookReceiver(): Promise<{
  url: string;
  received: ReceivedWebhook[];
  status: { next: number[] };
  stop(): Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  const status = { next: [] as number[] };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: req.headers, body, json: JSON.parse(body) as ReceivedWebhook["json"] });
      res.writeHead(status.next.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/chargebee`,
    received,
    status,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
