import { describe, expect, it } from "vitest";
import type { MeResponse } from "../services/contracts";
import { showsTrialBar, trialCountdownText } from "./trial-bar-text";

const me = (over: Partial<MeResponse>): MeResponse => ({
  user: { id: "u", displayName: "Priya Patel", email: "priya@fabrikam.example" },
  org: { id: "o", name: "fabrikam" },
  role: { assigned: "Administrator", effective: "Administrator", label: "Administrator" },
  isPca: true,
  mayManageUsers: true,
  licensed: true,
  hasAccess: true,
  hostType: "cloud",
  trial: { endsAt: "2026-12-01T00:00:00.000Z", daysLeft: 12 },
  plan: { kind: "trial", name: "trial" },
  ...over,
});

describe("trial bar", () => {
  it("is shown to PCAs during the trial only", () => {
    expect(showsTrialBar(me({}))).toBe(true);
    expect(showsTrialBar(me({ isPca: false }))).toBe(false);
    expect(showsTrialBar(me({ trial: null, plan: { kind: "subscribed", name: "start" } }))).toBe(false);
  });

  it("counts down in days", () => {
    expect(trialCountdownText(12)).toBe("Timetracker Free Trial: 12 days left.");
    expect(trialCountdownText(1)).toBe("Timetracker Free Trial: 1 day left.");
  });
});
