import { describe, expect, it } from "vitest";
import { oppositePeriod, parseItemPriceId, periodFor, planMove } from "./plans";

describe("plans", () => {
  it("reads plan and period from Chargebee item price ids", () => {
    expect(parseItemPriceId("ultimate-USD-Monthly")).toEqual({ plan: "ultimate", period: "monthly", currency: "USD" });
    expect(parseItemPriceId("start-USD-yearly")).toEqual({ plan: "start", period: "yearly", currency: "USD" });
    expect(parseItemPriceId("enterprise-USD-yearly")).toBeNull();
    expect(parseItemPriceId("start-USD-weekly")).toBeNull();
  });

  it("bills Free monthly only and defaults a period change to the opposite period", () => {
    expect(periodFor("free", "yearly")).toBe("monthly");
    expect(periodFor("team", "yearly")).toBe("yearly");
    expect(oppositePeriod("yearly")).toBe("monthly");
    expect(oppositePeriod("monthly")).toBe("yearly");
  });

  it("orders plans Free < Start < Team < Ultimate for upgrade and downgrade", () => {
    expect(planMove("start", "team")).toBe("upgrade");
    expect(planMove("team", "start")).toBe("downgrade");
    expect(planMove("team", "team")).toBe("same");
    expect(planMove("ultimate", "free")).toBe("downgrade");
  });
});
