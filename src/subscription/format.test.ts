import { describe, expect, it } from "vitest";
import type { PriceView } from "../services/billing-service";
import { annualSaving, billedText, formatDate, rateText, tierLinesText } from "./format";

const view = (over: Partial<PriceView>): PriceView => ({
  plan: "start",
  period: "yearly",
  seats: 14,
  currency: "USD",
  amount: 134_400,
  perMonth: 11_200,
  perUserPerMonth: 800,
  listPerUserPerMonth: 800,
  tiers: [],
  rates: [{ from: 1, to: null, perUserPerMonth: 800 }],
  ...over,
});

describe("price display on the plan cards and the order", () => {
  it("shows Start for 14 users annually and monthly", () => {
    const yearly = view({});
    const monthly = view({
      period: "monthly",
      amount: 12_600,
      perMonth: 12_600,
      perUserPerMonth: 900,
      listPerUserPerMonth: 900,
      rates: [{ from: 1, to: null, perUserPerMonth: 900 }],
    });
    expect(rateText(yearly)).toBe("$8 per user / month");
    expect(billedText(yearly)).toBe("$1,344.00 billed annually");
    expect(rateText(monthly)).toBe("$9 per user / month");
    expect(billedText(monthly)).toBe("$126.00 billed monthly");
    expect(annualSaving(yearly, monthly)).toBe("Save $168.00 a year with Annual Billing");
  });

  it("shows Ultimate's tiers and how many users fall in each", () => {
    const ultimate = view({
      plan: "ultimate",
      seats: 120,
      amount: (100 * 17 + 20 * 10) * 1200,
      rates: [
        { from: 1, to: 100, perUserPerMonth: 1700 },
        { from: 101, to: 250, perUserPerMonth: 1000 },
        { from: 251, to: null, perUserPerMonth: 700 },
      ],
      tiers: [
        { from: 1, to: 100, users: 100, perUserPerMonth: 1700, amount: 100 * 17 * 1200 },
        { from: 101, to: 250, users: 20, perUserPerMonth: 1000, amount: 20 * 10 * 1200 },
      ],
    });
    expect(rateText(ultimate)).toBe("$17 (1–100), $10 (101–250), $7 (251+) per user / month");
    expect(billedText(ultimate)).toBe("$22,800.00 billed annually");
    expect(tierLinesText(ultimate)).toEqual(["1–100: 100 users × $17 / month", "101–250: 20 users × $10 / month"]);
  });

  it("writes dates in full, in UTC like Chargebee's billing dates", () => {
    expect(formatDate("2027-01-15T00:00:00.000Z")).toBe("January 15, 2027");
    expect(formatDate(null)).toBe("—");
  });
});
