import { describe, expect, it } from "vitest";
import { SeatLimitError, ValidationError } from "./errors";
import { assertOrderFits, freeSwitchFit, orderFit, planFit, planForUsers, seatsFit } from "./plan-fit";
import { PLAN_IDS } from "./plans";

const fitting = (users: number, licensed = users) => PLAN_IDS.filter((plan) => orderFit(plan, users, licensed).fits);

describe("plan fitting", () => {
  it("offers Start and Team for 14 users; Free and Ultimate are greyed out with the reason", () => {
    expect(fitting(14)).toEqual(["start", "team"]);
    expect(planFit("free", 14)).toEqual({ fits: false, reason: "The Free plan is for at most 3 users." });
    expect(planFit("ultimate", 14)).toEqual({ fits: false, reason: "The Ultimate plan requires at least 20 users." });
  });

  it("follows the plan ranges at their edges", () => {
    expect(fitting(3)).toEqual(["free", "start", "team"]);
    expect(fitting(4)).toEqual(["start", "team"]);
    expect(fitting(19)).toEqual(["start", "team"]);
    expect(fitting(20)).toEqual(["team", "ultimate"]);
    expect(fitting(299)).toEqual(["team", "ultimate"]);
    expect(fitting(300)).toEqual(["ultimate"]);
    expect(planFit("start", 20)).toEqual({ fits: false, reason: "The Start plan is for at most 19 users." });
  });

  it("never lets seats drop below the licensed users and says how many to unassign", () => {
    expect(seatsFit(14, 14).fits).toBe(true);
    expect(seatsFit(10, 14)).toEqual({
      fits: false,
      reason:
        "14 users are licensed now. Unassign 4 users on the Permissions page (role None) before lowering Users Assignable to 10.",
    });
    expect(orderFit("team", 10, 14).fits).toBe(false);
  });

  it("offers Switch to Free only with at most 3 licensed users", () => {
    expect(freeSwitchFit(3).fits).toBe(true);
    expect(freeSwitchFit(13)).toEqual({
      fits: false,
      reason:
        "The Free plan is for at most 3 users, and 13 users are licensed now. Set 10 users to None on the Permissions page, then switch.",
    });
    // Three assignable users but 13 licensed: Free is still greyed out, with what to do about it.
    expect(orderFit("free", 3, 13)).toEqual(freeSwitchFit(13));
    expect(orderFit("free", 14, 14)).toEqual(freeSwitchFit(14));
    expect(orderFit("free", 5, 2)).toEqual({ fits: false, reason: "The Free plan is for at most 3 users." });
  });

  it("refuses bad orders: plan ranges are bad requests, licensed users a conflict", () => {
    expect(() => assertOrderFits("ultimate", 14, 14)).toThrow(ValidationError);
    expect(() => assertOrderFits("free", 5, 2)).toThrow(ValidationError);
    expect(() => assertOrderFits("start", 0, 0)).toThrow(/whole number from 1/);
    expect(() => assertOrderFits("start", 2.5, 0)).toThrow(ValidationError);
    expect(() => assertOrderFits("start", 10, 14)).toThrow(SeatLimitError);
    expect(() => assertOrderFits("free", 3, 4)).toThrow(SeatLimitError);
    expect(() => assertOrderFits("start", 14, 14)).not.toThrow();
  });
});

describe("the plan for a number of users", () => {
  it("keeps the current plan while it fits, else moves up to the smallest that does", () => {
    expect(planForUsers("start", 8)).toBe("start");
    expect(planForUsers("start", 22)).toBe("team"); // Start ends at 19
    expect(planForUsers("team", 22)).toBe("team");
    expect(planForUsers("free", 5)).toBe("start");
  });

  it("starts from the smallest plan that fits without any plan, and after a cancelled larger plan", () => {
    expect(planForUsers(null, 2)).toBe("free");
    expect(planForUsers(null, 14)).toBe("start");
    expect(planForUsers(null, 300)).toBe("ultimate");
    expect(planForUsers("ultimate", 5)).toBe("start"); // Ultimate starts at 20
  });
});
