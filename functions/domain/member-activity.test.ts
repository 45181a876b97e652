import { describe, expect, it } from "vitest";
import { activityStampDue, inactiveCutoff } from "./member-activity";

describe("activity stamps: at most one per member, field and UTC day", () => {
  const at = new Date("2026-03-10T23:59:00Z");

  it("is due for a member who never did it", () => {
    expect(activityStampDue({}, "lastTrackedAt", at)).toBe(true);
  });

  it("is not due again on the same UTC day, however late", () => {
    expect(activityStampDue({ lastTrackedAt: "2026-03-10T00:00:01.000Z" }, "lastTrackedAt", at)).toBe(false);
  });

  it("is due on the next UTC day, even a minute later", () => {
    const stamped = { lastOpenedAt: "2026-03-10T23:59:00.000Z" };
    expect(activityStampDue(stamped, "lastOpenedAt", new Date("2026-03-11T00:00:00Z"))).toBe(true);
  });

  it("looks only at the field asked for", () => {
    expect(activityStampDue({ lastOpenedAt: "2026-03-10T08:00:00.000Z" }, "lastTrackedAt", at)).toBe(true);
  });
});

describe("no time tracked in N days", () => {
  it("counts from the start of the UTC day N days ago", () => {
    expect(inactiveCutoff(new Date("2026-03-31T15:30:00Z"), 30)).toBe("2026-03-01T00:00:00.000Z");
    expect(inactiveCutoff(new Date("2026-03-31T00:00:00Z"), 90)).toBe("2025-12-31T00:00:00.000Z");
  });

  it("is the same all day long, so a list's pages agree within a day", () => {
    const morning = inactiveCutoff(new Date("2026-03-31T00:00:00Z"), 60);
    expect(inactiveCutoff(new Date("2026-03-31T23:59:59.999Z"), 60)).toBe(morning);
    expect(morning).toBe("2026-01-30T00:00:00.000Z");
  });
});
