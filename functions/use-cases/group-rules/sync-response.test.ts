import { describe, expect, it } from "vitest";
import { syncAllInWords } from "./sync-response";

const tally = (t: Partial<Parameters<typeof syncAllInWords>[0]>) => ({
  synced: 0,
  added: 0,
  removed: 0,
  unread: 0,
  busy: 0,
  ...t,
});

describe("what Sync now on every rule says", () => {
  it("adds up what the rules changed and who waits", () => {
    expect(syncAllInWords(tally({ synced: 3, added: 4, removed: 1 }), 2)).toBe(
      "3 rules synced: 4 members got their rule's role, 1 lost it. 2 members wait for a seat.",
    );
    expect(syncAllInWords(tally({ synced: 1 }), 0)).toBe("1 rule synced: nobody's role changed.");
    expect(syncAllInWords(tally({ synced: 2, removed: 1 }), 1)).toBe(
      "2 rules synced: 1 member lost their rule's role. 1 member waits for a seat.",
    );
  });

  it("names the rules that could not read their group, and those another sync had", () => {
    expect(syncAllInWords(tally({ synced: 1, added: 1, unread: 1, busy: 1 }), 0)).toBe(
      "1 rule synced: 1 member got their rule's role. 1 rule could not read its group, so nobody was removed by it: the rule says why. 1 rule was being synced already, by the timer.",
    );
    expect(syncAllInWords(tally({ busy: 2 }), 0)).toBe("2 rules were being synced already, by the timer.");
    expect(syncAllInWords(tally({ unread: 1 }), 0)).toBe(
      "1 rule could not read its group, so nobody was removed by it: the rule says why.",
    );
    expect(syncAllInWords(tally({}), 0)).toBe("There is no rule to sync.");
  });
});
