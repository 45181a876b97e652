import { describe, expect, it } from "vitest";
import { ValidationError } from "./errors";
import { editedByOther, startFields, validateComment, validateDuration, validateStart } from "./worklog";

const now = new Date("2026-03-04T12:00:00Z");

describe("worklog validation", () => {
  it("accepts lengths from one second to 24 hours", () => {
    expect(() => validateDuration(1)).not.toThrow();
    expect(() => validateDuration(86400)).not.toThrow();
  });

  it.each([
    [0, /positive/],
    [-60, /positive/],
    [86401, /at most 24 hours/],
    [1.5, /whole number/],
  ])("refuses a length of %s", (value, message) => {
    expect(() => validateDuration(value)).toThrow(ValidationError);
    expect(() => validateDuration(value)).toThrow(message);
  });

  it("accepts a start up to a day ahead and refuses one further ahead", () => {
    expect(() => validateStart("2026-03-05T11:00:00Z", now)).not.toThrow();
    expect(() => validateStart("2026-03-06T12:00:00+01:00", now)).toThrow(/more than a day in the future/);
  });

  it("refuses a start without an offset or before 2000", () => {
    expect(() => validateStart("2026-03-04T09:00:00", now)).toThrow(/time zone offset/);
    expect(() => validateStart("0226-03-04T09:00:00Z", now)).toThrow(/before the year 2000/);
  });

  it("refuses overly long comments", () => {
    expect(() => validateComment("x".repeat(1001))).toThrow(/too long/);
  });

  it("derives the UTC instant and the user's day from the start", () => {
    expect(startFields(validateStart("2026-03-02T00:30:00+01:00", now))).toEqual({
      start: "2026-03-02T00:30:00+01:00",
      startUtc: "2026-03-01T23:30:00.000Z",
      day: "2026-03-02",
    });
  });

  it("reports 'Edited by' only when someone other than the owner changed it", () => {
    expect(editedByOther({ userId: "a", lastEditedBy: null })).toBe(false);
    expect(editedByOther({ userId: "a", lastEditedBy: "a" })).toBe(false);
    expect(editedByOther({ userId: "a", lastEditedBy: "b" })).toBe(true);
  });
});
