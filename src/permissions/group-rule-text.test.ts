import { describe, expect, it } from "vitest";
import { heldText, lastSyncText, problemText, sampleText, waitingText, whenText } from "./group-rule-text";

const person = (displayName: string, email = `${displayName.toLowerCase().replace(/\W+/g, ".")}@fabrikam.example`) => ({
  id: email,
  displayName,
  email,
});

describe("sampleText names the first people and counts the rest", () => {
  it("lists everyone when all are in the sample", () => {
    expect(sampleText({ count: 1, sample: [person("Aisha Okafor")] })).toBe("Aisha Okafor");
    expect(sampleText({ count: 2, sample: [person("Aisha Okafor"), person("Mei Chen")] })).toBe(
      "Aisha Okafor and Mei Chen",
    );
    expect(sampleText({ count: 3, sample: [person("Aisha Okafor"), person("Mei Chen"), person("Grace Wright")] })).toBe(
      "Aisha Okafor, Mei Chen and Grace Wright",
    );
  });

  it("shows three and says how many more, from the server's count rather than the sample's length", () => {
    const sample = ["A One", "B Two", "C Three", "D Four"].map((n) => person(n));
    expect(sampleText({ count: 1_204, sample })).toBe("A One, B Two, C Three and 1,201 more");
  });

  it("falls back to the e-mail address, and says nothing for nobody", () => {
    expect(sampleText({ count: 1, sample: [{ id: "1", displayName: "", email: "x@fabrikam.example" }] })).toBe(
      "x@fabrikam.example",
    );
    expect(sampleText({ count: 0, sample: [] })).toBe("");
    expect(sampleText({ count: 4, sample: [] })).toBe("4 users");
  });
});

describe("a rule's sync status", () => {
  const at = "2026-12-03T10:04:00.000Z";

  it("says when it last synced and what changed", () => {
    expect(lastSyncText(null)).toBe("Not synced yet");
    expect(lastSyncText({ at, added: 2, removed: 1 })).toBe(`Synced ${whenText(at)}: 2 added, 1 removed`);
    expect(lastSyncText({ at, added: 0, removed: 0 })).toBe(`Synced ${whenText(at)}: no changes`);
  });

  it("gives the problem in the server's words with since when, and held removals with their count", () => {
    const problem = problemText({ message: "The service account's token has expired.", since: at });
    expect(problem).toContain(`Since ${whenText(at)}: The service account's token has expired.`);
    expect(problem).toContain("Nobody is removed");
    expect(heldText({ count: 12, people: [], since: at })).toContain("would remove 12 users from this rule at once");
    expect(waitingText(1)).toBe("1 user waiting for a seat");
  });

  it("shows a time it cannot read as the server sent it", () => {
    expect(whenText("soon")).toBe("soon");
    expect(whenText(at)).toMatch(/2026/);
  });
});
