import { describe, expect, it } from "vitest";
import { isClosedState, timeAccessDenial } from "./time-access";

const trial = { kind: "trial", endsAt: "2026-04-01T00:00:00Z", daysLeft: 10 } as const;

describe("timeAccessDenial", () => {
  it("lets licensed users of a running trial or an active subscription in", () => {
    expect(timeAccessDenial("Team", trial)).toBeNull();
    expect(timeAccessDenial("Administrator", { kind: "subscribed", plan: "team", seats: 5 })).toBeNull();
  });

  it("tells a user without a role who can give them one", () => {
    expect(timeAccessDenial("None", trial)).toMatch(
      /Project Collection Administrator or a Timetracker Administrator.*Permissions/,
    );
  });

  it("tells users of an expired trial or cancelled plan who can buy one", () => {
    expect(timeAccessDenial("Team", { kind: "trial_expired", endedAt: "2026-03-01T00:00:00Z" })).toMatch(
      /trial .* has ended.*Subscription/,
    );
    expect(timeAccessDenial("Administrator", { kind: "cancelled", plan: "start" })).toMatch(/cancelled.*Subscription/);
  });
});

describe("isClosedState", () => {
  it("treats Closed, Done and Removed as closed, whatever the case", () => {
    expect(["Closed", "done", " Removed "].every(isClosedState)).toBe(true);
    expect(["Active", "New", "Resolved"].some(isClosedState)).toBe(false);
  });
});
