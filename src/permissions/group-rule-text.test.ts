import { describe, expect, it } from "vitest";
import type { GroupRuleView } from "../services/group-rules-service";
import { heldText, namedAndMore, problemText, sampleText, syncStatusText, waitingText } from "./group-rule-text";
import { whenText } from "./when-text";

const person = (displayName: string) => {
  const email = `${displayName.toLowerCase().replace(/\W+/g, ".")}@fabrikam.example`;
  return { id: email, displayName, email };
};
const people = (...names: string[]) => names.map(person);

describe("sampleText names the first people and counts the rest", () => {
  it("lists everyone when all are in the sample", () => {
    expect(sampleText({ count: 1, people: people("Aisha Okafor") })).toBe("Aisha Okafor");
    expect(sampleText({ count: 2, people: people("Aisha Okafor", "Mei Chen") })).toBe("Aisha Okafor and Mei Chen");
    expect(sampleText({ count: 3, people: people("Aisha Okafor", "Mei Chen", "Grace Wright") })).toBe(
      "Aisha Okafor, Mei Chen and Grace Wright",
    );
  });

  it("shows three and says how many more, from the server's count rather than the sample's length", () => {
    expect(sampleText({ count: 1_204, people: people("A One", "B Two", "C Three", "D Four") })).toBe(
      "A One, B Two, C Three and 1,201 more",
    );
  });

  it("falls back to the e-mail address, and says nothing for nobody", () => {
    expect(sampleText({ count: 1, people: [{ id: "1", displayName: "", email: "x@fabrikam.example" }] })).toBe(
      "x@fabrikam.example",
    );
    expect(sampleText({ count: 0, people: [] })).toBe("");
    expect(sampleText({ count: 4, people: [] })).toBe("4 users");
  });

  it("namedAndMore keeps the server's order and counts who it left out", () => {
    const { named, more } = namedAndMore({ count: 60, people: people("Zara Ahmed", "Chloé Dubois") });
    expect(named.map((p) => p.displayName)).toEqual(["Zara Ahmed", "Chloé Dubois"]);
    expect(more).toBe(58);
  });
});

describe("a rule's sync status", () => {
  const run = "2026-12-03T10:04:00.000Z";
  const success = "2026-12-01T08:00:00.000Z";
  const sync = (over: Partial<GroupRuleView["sync"]>): GroupRuleView["sync"] => ({
    status: "ok",
    lastRunAt: run,
    lastSuccessAt: run,
    groupMembers: 4,
    problem: null,
    addSeats: null,
    waiting: { count: 0, people: [] },
    heldRemovals: null,
    ...over,
  });

  it("says whether it synced and when", () => {
    expect(syncStatusText(sync({ status: "never", lastRunAt: null, lastSuccessAt: null }))).toBe("Not synced yet");
    expect(syncStatusText(sync({}))).toBe(`Synced ${whenText(run)}`);
  });

  it("a failing rule says when it last read its group completely, or that it never did", () => {
    expect(syncStatusText(sync({ status: "failing", lastSuccessAt: success }))).toBe(
      `Sync failing · last complete sync ${whenText(success)}`,
    );
    expect(syncStatusText(sync({ status: "failing", lastSuccessAt: null }))).toBe(
      "Sync failing · never synced completely",
    );
    expect(syncStatusText(sync({ status: "held" }))).toBe(`Removals held · last sync ${whenText(run)}`);
  });

  it("gives the problem in the server's words with since when, and held removals with their count", () => {
    const problem = problemText({ message: "The service account's token has expired.", since: run });
    expect(problem).toContain(`Since ${whenText(run)}: The service account's token has expired.`);
    expect(problem).toContain("Nobody is removed");
    expect(heldText({ count: 12, people: [], since: run })).toContain("would remove 12 users from this rule at once");
    expect(waitingText(1)).toBe("1 user waiting for a seat");
  });

  it("shows a time it cannot read as the server sent it", () => {
    expect(whenText("soon")).toBe("soon");
    expect(whenText(run)).toMatch(/2026/);
  });
});
