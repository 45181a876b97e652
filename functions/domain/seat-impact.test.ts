import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seatCostText, seatImpact, seatSavingText } from "./seat-impact";
import { checkSeats } from "./seats";

describe("what a step does to seats", () => {
  it("says how many of the free seats it uses", () => {
    expect(seatImpact({ needed: 4, licensed: 4, limit: 10 })).toEqual({
      seatsNeeded: 4,
      seatsFree: 6,
      fits: true,
      seatsMissing: 0,
      usersNeeded: null,
      summary: "Uses 4 of 6 free seats",
    });
    expect(seatImpact({ needed: 1, licensed: 4, limit: 5 }).summary).toBe("Uses 1 of 1 free seat");
    expect(seatImpact({ needed: 1, licensed: 3, limit: 5 }).summary).toBe("Uses 1 of 2 free seats");
    expect(seatImpact({ needed: 1_200, licensed: 0, limit: 5_000 }).summary).toBe("Uses 1,200 of 5,000 free seats");
  });

  it("says what it frees, and when it changes no seats", () => {
    expect(seatImpact({ needed: -3, licensed: 6, limit: 6 })).toMatchObject({ fits: true, summary: "Frees 3 seats" });
    expect(seatImpact({ needed: -1, licensed: 6, limit: 6 }).summary).toBe("Frees 1 seat");
    expect(seatImpact({ needed: 0, licensed: 6, limit: 6 }).summary).toBe("Changes no seats");
    // Above the seats after a downgrade: moving people between roles or freeing seats fits.
    expect(seatImpact({ needed: 0, licensed: 8, limit: 6 }).fits).toBe(true);
    expect(seatImpact({ needed: -1, licensed: 8, limit: 6 })).toMatchObject({ fits: true, seatsFree: 0 });
  });

  it("has no seat limit during the trial, and still says what None frees there", () => {
    expect(seatImpact({ needed: 40, licensed: 500, limit: null })).toEqual({
      seatsNeeded: 40,
      seatsFree: null,
      fits: true,
      seatsMissing: 0,
      usersNeeded: null,
      summary: "No seat limit during the trial",
    });
    expect(seatImpact({ needed: -2, licensed: 5, limit: null }).summary).toBe("Frees 2 seats");
  });

  it("says how many seats are missing and how many users the plan must be for", () => {
    expect(seatImpact({ needed: 5, licensed: 3, limit: 5 })).toEqual({
      seatsNeeded: 5,
      seatsFree: 2,
      fits: false,
      seatsMissing: 3,
      usersNeeded: 8,
      summary: "Needs 3 more seats than are free (2 of 5 free)",
    });
    expect(seatImpact({ needed: 1, licensed: 3, limit: 3 }).summary).toBe(
      "Needs 1 more seat than are free (0 of 3 free)",
    );
  });

  it("counts the users above the seats after a downgrade among the missing seats", () => {
    expect(seatImpact({ needed: 1, licensed: 7, limit: 5 })).toMatchObject({
      fits: false,
      seatsMissing: 3,
      usersNeeded: 8,
      summary: "Needs 3 more seats: 7 users are licensed on 5 seats",
    });
  });

  it("says that no plan is active when the trial ended or the plan was cancelled", () => {
    expect(seatImpact({ needed: 2, licensed: 3, limit: 0 })).toMatchObject({
      fits: false,
      seatsMissing: 5,
      usersNeeded: 5,
      summary: "Needs a plan for 5 users: no plan is active",
    });
    expect(seatImpact({ needed: 1, licensed: 0, limit: 0 }).summary).toBe("Needs a plan for 1 user: no plan is active");
  });

  it("fits exactly when the write's seat check lets the step through, and then misses nothing", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 100 }),
        fc.option(fc.integer({ min: 0, max: 100 })),
        (needed, licensed, limit) => {
          const impact = seatImpact({ needed, licensed, limit });
          expect(impact.fits).toBe(checkSeats(licensed, needed, limit).ok);
          if (impact.fits) expect(impact.seatsMissing).toBe(0);
          // With the missing seats added, the step fits.
          else expect(checkSeats(licensed, needed, limit! + impact.seatsMissing).ok).toBe(true);
          if (!impact.fits) expect(checkSeats(licensed, needed, limit! + impact.seatsMissing - 1).ok).toBe(false);
        },
      ),
    );
  });
});

describe("what seats cost, in words", () => {
  it("gives Chargebee's estimate of adding seats to the live subscription", () => {
    const text = seatCostText(
      {
        plan: "start",
        period: "monthly",
        users: 8,
        currency: "USD",
        estimate: { billedNow: 2_700, nextBillingAmount: 7_200 },
        listAmount: 7_200,
        changesPlanFrom: null,
      },
      3,
    );
    expect(text).toBe(
      "Adding 3 seats to your Start plan bills $27.00 now (Chargebee's prorated estimate), then $72.00 per month.",
    );
  });

  it("says so when the missing seats need a larger plan than the live subscription's", () => {
    const cost = {
      plan: "team" as const,
      period: "monthly" as const,
      users: 24,
      currency: "USD",
      estimate: { billedNow: 313_200, nextBillingAmount: 21_600 },
      listAmount: 21_600,
      changesPlanFrom: "start" as const,
    };
    expect(seatCostText(cost, 17)).toBe(
      "17 more seats need a larger plan than Start: moving to the Team plan for 24 users bills $3,132.00 now (Chargebee's prorated estimate), then $216.00 per month.",
    );
    expect(seatCostText({ ...cost, users: 11 }, 1)).toMatch(/^1 more seat needs a larger plan than Start/);
  });

  it("gives the list price of the plan to buy without a paid subscription", () => {
    const cost = {
      plan: "start" as const,
      period: "yearly" as const,
      users: 8,
      currency: "USD",
      estimate: null,
      changesPlanFrom: null,
    };
    expect(seatCostText({ ...cost, listAmount: 76_800 }, 8)).toBe(
      "The Start plan for 8 users costs $768.00 per year at list price.",
    );
    expect(seatCostText({ ...cost, plan: "free", period: "monthly", users: 2, listAmount: 0 }, 2)).toBe(
      "The Free plan covers 2 users at no cost.",
    );
  });

  it("says what freed seats save per month", () => {
    expect(seatSavingText(3, 2_700, "USD")).toBe(
      "Lowering Users Assignable by 3 on the Subscription page saves $27.00 per month.",
    );
  });
});
