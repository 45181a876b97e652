import { describe, expect, it } from "vitest";
import { weekStartOf, weekStartsBetween } from "./cosmos-worklog-week-index";

describe("week buckets", () => {
  it("puts every day of a week (Monday to Sunday) in the bucket of its Monday", () => {
    expect(weekStartOf("2026-03-02")).toBe("2026-03-02"); // Monday
    expect(weekStartOf("2026-03-08")).toBe("2026-03-02"); // Sunday
    expect(weekStartOf("2026-03-09")).toBe("2026-03-09");
    expect(weekStartOf("2027-01-01")).toBe("2026-12-28"); // across a year end
  });

  it("lists the weeks a range touches", () => {
    expect(weekStartsBetween("2026-03-02", "2026-03-08")).toEqual(["2026-03-02"]);
    expect(weekStartsBetween("2026-03-08", "2026-03-09")).toEqual(["2026-03-02", "2026-03-09"]);
    expect(weekStartsBetween("2026-03-04", "2026-03-25")).toHaveLength(4);
  });
});
