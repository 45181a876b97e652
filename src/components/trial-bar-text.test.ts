import { describe, expect, it } from "vitest";
import type { MeResponse } from "../services/contracts";
import { marketplaceQnaUrl, showsTrialBar, trialCountdownText, trialIncludesText } from "./trial-bar-text";

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

  it("says when the trial ends, and where to ask for help", () => {
    expect(trialIncludesText("2026-12-31T12:00:00.000Z")).toContain("The trial ends on December 31, 2026.");
    expect(marketplaceQnaUrl("timetracker-oss.timetracker")).toBe(
      "https://marketplace.visualstudio.com/items?itemName=timetracker-oss.timetracker#qna",
    );
  });
});
