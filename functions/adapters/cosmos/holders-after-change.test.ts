import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RuleHolder } from "../../ports/member-roster";
import type { HoldersChange } from "../../ports/rule-holder-index";
import { holdersAfterChange } from "./holders-after-change";

const holder = (i: number, name = `User ${i}`): RuleHolder => ({
  id: `u${i}`,
  displayName: name,
  email: `u${i}@fabrikam.example`,
  uniqueName: `u${i}@fabrikam.example`,
});

/** The change applied to a copy, as a plain map would take it: the answer the layered holders must give. */
function applied(before: ReadonlyMap<string, RuleHolder>, change: HoldersChange): Map<string, RuleHolder> {
  const byId = new Map(before);
  for (const userId of change.removed) byId.delete(userId);
  for (const h of change.added) byId.set(h.id, h);
  return byId;
}

const sorted = (holders: ReadonlyMap<string, RuleHolder>) =>
  [...holders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Ids u0..u(IDS-1): the base holds some of them, changes name any (in the base or not). */
const IDS = 300;
/** Changes of a few holders, a holder renamed now and then. */
const changeArb = fc.record({
  removed: fc.uniqueArray(fc.nat(IDS - 1), { maxLength: 12 }).map((ids) => ids.map((i) => `u${i}`)),
  added: fc
    .uniqueArray(fc.record({ i: fc.nat(IDS - 1), renamed: fc.boolean() }), { maxLength: 12, selector: (a) => a.i })
    .map((list) => list.map(({ i, renamed }) => holder(i, renamed ? `Renamed ${i}` : undefined))),
});

describe("a rule's holders after a sync's change, over the holders before it", () => {
  it("answers what the change applied to a copy answers, change after change", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 250 }), fc.array(changeArb, { maxLength: 12 }), (baseSize, changes) => {
        const base = new Map(Array.from({ length: baseSize }, (_, i) => [`u${i}`, holder(i)] as const));
        let layered: ReadonlyMap<string, RuleHolder> = base;
        let expected: ReadonlyMap<string, RuleHolder> = base;
        for (const change of changes) {
          layered = holdersAfterChange(layered, change);
          expected = applied(expected, change);
          expect(layered.size).toBe(expected.size);
          expect(sorted(layered)).toEqual(sorted(expected));
          for (let i = 0; i < IDS; i++) {
            expect(layered.has(`u${i}`)).toBe(expected.has(`u${i}`));
            expect(layered.get(`u${i}`)).toEqual(expected.get(`u${i}`));
          }
          expect([...layered.keys()].sort()).toEqual([...expected.keys()].sort());
          const seen: string[] = [];
          layered.forEach((h, userId, map) => {
            expect(map.get(userId)).toBe(h);
            seen.push(userId);
          });
          expect(seen.sort()).toEqual([...expected.keys()].sort());
        }
        // The holders before are never touched.
        expect(sorted(base)).toEqual(
          Array.from({ length: baseSize }, (_, i) => [`u${i}`, holder(i)]).sort(([a], [b]) => (a < b ? -1 : 1)),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("stacks changes on the same holders until they reach an eighth of them, then copies them once", () => {
    const base = new Map(Array.from({ length: 800 }, (_, i) => [`u${i}`, holder(i)] as const));
    let holders: ReadonlyMap<string, RuleHolder> = base;
    const kinds: string[] = [];
    for (let round = 0; round < 4; round++) {
      // 20 leave and 20 join each round: 40 entries over the base, an eighth of 800 is 100.
      holders = holdersAfterChange(holders, {
        removed: Array.from({ length: 20 }, (_, i) => `u${round * 20 + i}`),
        added: Array.from({ length: 20 }, (_, i) => holder(1000 + round * 20 + i)),
      });
      kinds.push(holders instanceof Map ? "copied" : "layered");
    }
    expect(kinds).toEqual(["layered", "layered", "copied", "layered"]);
    expect(holders.size).toBe(800);
  });

  it("leaves the holders before as they were, so an earlier answer still reads the same", () => {
    const base = new Map([1, 2, 3].map((i) => [`u${i}`, holder(i)] as const));
    const first = holdersAfterChange(base, { removed: ["u1"], added: [holder(4)] });
    const second = holdersAfterChange(first, { removed: ["u4"], added: [holder(2, "Renamed")] });
    expect([...first.keys()].sort()).toEqual(["u2", "u3", "u4"]);
    expect([...second.keys()].sort()).toEqual(["u2", "u3"]);
    expect(second.get("u2")?.displayName).toBe("Renamed");
    expect(first.get("u2")?.displayName).toBe("User 2");
    expect([...base.keys()]).toEqual(["u1", "u2", "u3"]);
  });
});
