import { describe, expect, it } from "vitest";
import { activityText } from "./activity-text";

describe("Last tracked / Last opened", () => {
  const now = new Date("2026-03-31T08:00:00Z");

  it("says Never for a user who never did it", () => {
    expect(activityText(null, now)).toBe("Never");
  });

  it("counts UTC days, as the server's filter does", () => {
    expect(activityText("2026-03-31T00:10:00.000Z", now)).toBe("Today");
    expect(activityText("2026-03-30T23:59:00.000Z", now)).toBe("Yesterday");
    expect(activityText("2026-03-01T12:00:00.000Z", now)).toBe("30 days ago");
    expect(activityText("2025-12-01T12:00:00.000Z", now)).toBe("120 days ago");
  });

  it("shows a date for anything older", () => {
    expect(activityText("2025-11-30T12:00:00.000Z", now)).toBe("Nov 30, 2025");
  });
});
