/**
 * Drives the Chargebee stand-in's hosted checkout as a buyer's browser would, with form
 * posts: account details, billing details, payment details, then the summary with the
 * Terms of Service box ticked (Pay & subscribe). Card data goes to the hosted page only.
 */
export const GOOD_CARD = "4111 1111 1111 1111";
export const DECLINED_CARD = "4000 0000 0000 0002";

export interface StepAnswer {
  step: string;
  status: number;
  location: string | null;
}

async function post(
  url: string,
  form: Record<string, string>,
): Promise<{ status: number; location: string | null; text: string }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

/** Completes the checkout at `url`; throws on a step the stand-in refused unless `allowRefusal`. */
export async function completeCheckout(
  url: string,
  options: { card?: string; allowRefusal?: boolean } = {},
): Promise<StepAnswer[]> {
  const base = new URL(url).toString().replace(/\/$/, "");
  const opened = await fetch(base, { redirect: "manual" });
  await opened.arrayBuffer();
  const steps: [string, Record<string, string>][] = [
    [
      "account",
      { first_name: "Priya", last_name: "Patel", email: "priya.patel@fabrikam.example", company: "Fabrikam" },
    ],
    ["billing", { line1: "1 Microsoft Way", city: "Redmond", state: "WA", zip: "98052", country: "US" }],
    ["payment", { card_number: options.card ?? GOOD_CARD, expiry: "12/39", cvc: "123" }],
    ["summary", { accept_terms: "on" }],
  ];
  const answers: StepAnswer[] = [];
  for (const [step, form] of steps) {
    const answer = await post(`${base}/${step}`, form);
    answers.push({ step, status: answer.status, location: answer.location });
    if (answer.status >= 400) {
      if (options.allowRefusal) return answers;
      throw new Error(`Hosted checkout refused the ${step} step: ${answer.status} ${answer.text.slice(0, 300)}`);
    }
  }
  return answers;
}
