import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  finishedSync,
  NEVER_SYNCED,
  planSync,
  removalsNeedConfirmation,
  syncDue,
  trustedHoldersIndex,
  waitingAfter,
  type RulePerson,
  type RuleSyncState,
} from "./group-rule";

const person = (n: number): RulePerson => ({
  userId: `u${String(n).padStart(3, "0")}`,
  displayName: `User ${String(n).padStart(3, "0")}`,
  email: `u${n}@fabrikam.example`,
});
const people = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => person(from + i));
/** People by user id, as a sync hands them to planSync. */
const byId = (list: readonly RulePerson[]) => new Map(list.map((p) => [p.userId, p]));

describe("one sync's plan", () => {
  it("removes the part of whoever left and gives it to whoever is new", () => {
    const plan = planSync({
      groupMembers: byId(people(2, 6)),
      holders: byId(people(0, 4)),
      waiting: [],
      confirmedRemovals: null,
    });
    expect(plan.removals).toEqual(["u000", "u001"]);
    expect(plan.additions.map((p) => p.userId)).toEqual(["u004", "u005"]);
    expect(plan.held).toBeNull();
  });

  it("offers seats to those who waited longest first, then to the rest by name", () => {
    const waiting = [
      { ...person(9), since: "2026-11-02T00:00:00Z" },
      { ...person(7), since: "2026-11-01T00:00:00Z" },
    ];
    const plan = planSync({
      groupMembers: byId([person(5), person(9), person(1), person(7)]),
      holders: byId([]),
      waiting,
      confirmedRemovals: null,
    });
    expect(plan.additions.map((p) => p.userId)).toEqual(["u007", "u009", "u001", "u005"]);
  });

  it("holds removals of more than a fifth of the members when they are at least 10 people", () => {
    const holders = byId(people(0, 40));
    const plan = planSync({ groupMembers: byId(people(11, 40)), holders, waiting: [], confirmedRemovals: null });
    expect(plan.removals).toEqual([]);
    expect(plan.held?.count).toBe(11);
    // 9 people leaving is never held, whatever the share.
    expect(
      planSync({
        groupMembers: byId(people(9, 12)),
        holders: byId(people(0, 12)),
        waiting: [],
        confirmedRemovals: null,
      }).held,
    ).toBeNull();
  });

  it("removes held members once an administrator confirmed at least as many, and holds a larger number again", () => {
    const holders = byId(people(0, 40));
    expect(
      planSync({ groupMembers: byId(people(11, 40)), holders, waiting: [], confirmedRemovals: 11 }).removals,
    ).toHaveLength(11);
    expect(
      planSync({ groupMembers: byId(people(12, 40)), holders, waiting: [], confirmedRemovals: 11 }).held?.count,
    ).toBe(12);
  });

  it("is the same plan whatever order Azure DevOps lists the group in (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(60), { maxLength: 40 }),
        fc.uniqueArray(fc.nat(60), { maxLength: 40 }),
        fc.uniqueArray(fc.nat(60), { maxLength: 10 }),
        (group, holding, waited) => {
          const input = (members: number[]) => ({
            groupMembers: byId(members.map(person)),
            holders: byId(holding.map(person)),
            waiting: waited.map((n, i) => ({ ...person(n), since: `2026-11-0${(i % 9) + 1}T00:00:00Z` })),
            confirmedRemovals: null,
          });
          const a = planSync(input(group));
          const b = planSync(input([...group].reverse()));
          expect(b).toEqual(a);
          const inGroup = new Set(group.map((n) => person(n).userId));
          const held = new Set(holding.map((n) => person(n).userId));
          expect(a.additions.every((p) => inGroup.has(p.userId) && !held.has(p.userId))).toBe(true);
          expect(a.additions).toHaveLength([...inGroup].filter((id) => !held.has(id)).length);
          const leaving = [...held].filter((id) => !inGroup.has(id));
          if (a.held) expect(a.held.count).toBe(leaving.length);
          else expect([...a.removals].sort()).toEqual(leaving.sort());
        },
      ),
    );
  });
});

describe("the removal guard", () => {
  it("needs at least 10 people and more than a fifth", () => {
    expect(removalsNeedConfirmation(10, 49)).toBe(true);
    expect(removalsNeedConfirmation(10, 50)).toBe(false);
    expect(removalsNeedConfirmation(9, 10)).toBe(false);
  });
});

describe("the waiting list", () => {
  it("keeps when each member first waited and counts everyone beyond the listed ones", () => {
    const before = [{ ...person(1), since: "2026-11-01T00:00:00Z" }];
    const after = waitingAfter([person(1), person(2)], before, "2026-11-05T00:00:00Z");
    expect(after.waiting.map((w) => w.since)).toEqual(["2026-11-01T00:00:00Z", "2026-11-05T00:00:00Z"]);
    expect(after.waitingCount).toBe(2);
    expect(waitingAfter(people(0, 1_500), [], "t").waiting).toHaveLength(1_000);
    expect(waitingAfter(people(0, 1_500), [], "t").waitingCount).toBe(1_500);
  });
});

describe("a sync's lease and the holders index", () => {
  const index = { version: "v1", parts: 2, at: "2026-11-10T00:00:00.000Z", changes: 0, changeBytes: 0 };
  const mine = { holder: "timer:1", until: "2026-11-10T00:15:00.000Z" };
  const theirs = { holder: "request-9", until: "2026-11-10T00:20:00.000Z" };
  const state = (over: Partial<RuleSyncState>): RuleSyncState => ({ ...NEVER_SYNCED, ...over });
  const done = state({ lease: null, holdersIndex: { ...index, version: "v2" } });

  it("trusts an index only after a sync that gave its lease back, and for a day", () => {
    const now = new Date("2026-11-10T12:00:00.000Z");
    expect(trustedHoldersIndex(state({ holdersIndex: index }), now)).toEqual(index);
    expect(trustedHoldersIndex(state({ holdersIndex: index, lease: mine }), now)).toBeNull();
    expect(trustedHoldersIndex(state({ holdersIndex: index }), new Date("2026-11-11T00:00:00.000Z"))).toBeNull();
  });

  it("keeps what a sync that still holds its lease wrote", () => {
    expect(finishedSync(state({ lease: mine }), mine, done)).toEqual(done);
  });

  it("keeps no index when another sync took the rule meanwhile, and taints that sync's lease", () => {
    expect(finishedSync(state({ lease: theirs }), mine, done)).toEqual({
      ...done,
      lease: { ...theirs, tainted: true },
      holdersIndex: null,
    });
    expect(finishedSync(state({ lease: null }), mine, done)).toEqual({ ...done, holdersIndex: null });
    // The other sync, when it finishes with its tainted lease, keeps no index either.
    expect(finishedSync(state({ lease: { ...theirs, tainted: true } }), theirs, done)).toEqual({
      ...done,
      holdersIndex: null,
    });
  });

  it("syncs a rule early only when members wait, a seat is free and its group was readable", () => {
    const now = new Date("2026-11-10T00:05:00.000Z");
    const recent = state({ lastRunAt: "2026-11-10T00:00:00.000Z", waitingCount: 2 });
    const interval = 15 * 60_000;
    expect(syncDue(recent, now, interval, true)).toBe(true);
    expect(syncDue(recent, now, interval, false)).toBe(false);
    expect(syncDue({ ...recent, waitingCount: 0 }, now, interval, true)).toBe(false);
    expect(syncDue({ ...recent, problem: { message: "x", since: "" } }, now, interval, true)).toBe(false);
    expect(syncDue({ ...recent, waitingCount: 0 }, new Date("2026-11-10T00:15:00.000Z"), interval, false)).toBe(true);
  });
});
