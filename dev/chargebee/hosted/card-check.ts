import type { CardDetails } from "../model";

export type CardCheck =
  | { ok: true; card: CardDetails }
  | { ok: false; declined: boolean; errors: Partial<Record<"number" | "expiry" | "cvc", string>> };

/** Cards the stand-in's "gateway" refuses, like Stripe/Chargebee test cards. */
const DECLINED = new Set(["4000000000000002"]);

export const DECLINED_MESSAGE = "Your card was declined.";

/**
 * Validates what a payment form sends (the full number and CVC are never
 * stored; only the brand, first six and last four digits and the expiry).
 */
export function checkCard(input: { number: string; expiry: string; cvc: string }, now: Date): CardCheck {
  const errors: Partial<Record<"number" | "expiry" | "cvc", string>> = {};
  const digits = input.number.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(digits) || !luhn(digits)) errors.number = "Enter a valid card number.";

  const expiry = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(input.expiry.trim());
  let expiryMonth = 0;
  let expiryYear = 0;
  if (!expiry) {
    errors.expiry = "Enter the expiry date as MM/YY.";
  } else {
    expiryMonth = Number(expiry[1]);
    expiryYear = Number(expiry[2]) + ((expiry[2] ?? "").length === 2 ? 2000 : 0);
    const endOfMonth = Date.UTC(expiryYear, expiryMonth, 1);
    if (expiryMonth < 1 || expiryMonth > 12) errors.expiry = "Enter the expiry date as MM/YY.";
    else if (endOfMonth <= now.getTime()) errors.expiry = "Your card has expired.";
  }
  if (!/^\d{3,4}$/.test(input.cvc.trim())) errors.cvc = "Enter the 3 or 4 digit security code.";

  if (Object.keys(errors).length > 0) return { ok: false, declined: false, errors };
  if (DECLINED.has(digits)) return { ok: false, declined: true, errors: {} };
  return {
    ok: true,
    card: { iin: digits.slice(0, 6), last4: digits.slice(-4), brand: brandOf(digits), expiryMonth, expiryYear },
  };
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function brandOf(digits: string): CardDetails["brand"] {
  if (digits.startsWith("4")) return "visa";
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return "mastercard";
  if (two === 34 || two === 37) return "american_express";
  if (digits.startsWith("6011") || two === 65) return "discover";
  return "other";
}

const BRAND_LABELS: Partial<Record<CardDetails["brand"], string>> = {
  visa: "Visa",
  mastercard: "Mastercard",
  american_express: "American Express",
  discover: "Discover",
};

/** "Visa ending in 1111 (expires 12/2035)" */
export function describeCard(card: {
  brand?: CardDetails["brand"];
  last4: string;
  expiryMonth: number;
  expiryYear: number;
}): string {
  const brand = (card.brand && BRAND_LABELS[card.brand]) ?? "Card";
  return `${brand} ending in ${card.last4} (expires ${String(card.expiryMonth).padStart(2, "0")}/${card.expiryYear})`;
}
