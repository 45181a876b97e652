import { describe, expect, it } from "vitest";
import type { HoldersIndexRef } from "../../domain/group-rule";
import type { RuleHolder } from "../../ports/member-roster";
import type { HoldersChange, RuleHolderIndex } from "../../ports/rule-holder-index";
import { RememberedRuleHolderIndex } from "./remembered-rule-holders";

const ORG = "org-1";
const RULE = "rule-1";

function holder(i: number, name = `User ${i}`): RuleHolder {
  return { id: `u${i}`, displayName: name, email: `u${i}@fabrikam.example`, uniqueName: `u${i}@fabrikam.example` };
}

/** The store as another instance shares it: parts under a version, changes by number; counts its reads. */
function sharedStore() {
  const written = new Map<string, { version: string; holders: RuleHolder[]; changes: HoldersChange[] }>();
  const calls = { reads: 0 };
  const store: RuleHolderIndex = {
    async read(_orgId, ruleId, ref) {
      calls.reads++;
      const w = written.get(ruleId);
      if (!w || w.version !== ref.version || w.changes.length < ref.changes) return null;
      const byId = new Map(w.holders.map((h) => [h.id, h]));
      for (const change of w.changes.slice(0, ref.changes)) {
        for (const id of change.removed) byId.delete(id);
        for (const h of change.added) byId.set(h.id, h);
      }
      return byId;
    },
    async write(_orgId, ruleId, holders, version) {
      written.set(ruleId, { version, holders: [...holders], changes: [] });
      return { version, parts: 1, changes: 0, changeBytes: 0 };
    },
    async append(_orgId, ruleId, onto, change) {
      const w = written.get(ruleId)!;
      w.changes.splice(onto.changes, Infinity, change);
      return { ...onto, changes: onto.changes + 1, changeBytes: onto.changeBytes + 1 };
    },
    async delete(_orgId, ruleId) {
      written.delete(ruleId);
    },
  };
  return { store, calls };
}

const at = (ref: Omit<HoldersIndexRef, "at">): HoldersIndexRef => ({ ...ref, at: "2026-12-04T00:00:00.000Z" });
const ids = (holders: ReadonlyMap<string, RuleHolder> | null) => (holders ? [...holders.keys()].sort() : undefined);

describe("a rule's holders index remembered by this instance", () => {
  it("answers what it wrote, and each change it appended, without reading the store", async () => {
    const { store, calls } = sharedStore();
    const index = new RememberedRuleHolderIndex(store);
    const first = at(await index.write(ORG, RULE, [holder(1), holder(2), holder(3)], "v1", null));
    expect(ids(await index.read(ORG, RULE, first))).toEqual(["u1", "u2", "u3"]);

    const second = at((await index.append(ORG, RULE, first, { removed: ["u1"], added: [holder(4)] }))!);
    const third = at((await index.append(ORG, RULE, second, { removed: [], added: [holder(2, "Renamed")] }))!);
    const remembered = await index.read(ORG, RULE, third);
    expect(calls.reads).toBe(0);
    // The same holders as the store answers for that reference.
    expect(remembered).toEqual(await store.read(ORG, RULE, third));
    expect(remembered?.get("u2")?.displayName).toBe("Renamed");
  });

  it("reads the store for a reference another instance recorded, then remembers it", async () => {
    const { store, calls } = sharedStore();
    const mine = new RememberedRuleHolderIndex(store);
    const other = new RememberedRuleHolderIndex(store);
    const first = at(await mine.write(ORG, RULE, [holder(1), holder(2)], "v1", null));
    // The next sync ran on the other instance and appended there.
    const next = at((await other.append(ORG, RULE, first, { removed: ["u2"], added: [holder(5)] }))!);
    expect(ids(await mine.read(ORG, RULE, next))).toEqual(["u1", "u5"]);
    expect(calls.reads).toBe(1);
    expect(ids(await mine.read(ORG, RULE, next))).toEqual(["u1", "u5"]);
    expect(calls.reads).toBe(1);
    // A new version written elsewhere is read too.
    const rewritten = at(await other.write(ORG, RULE, [holder(7)], "v2", next));
    expect(ids(await mine.read(ORG, RULE, rewritten))).toEqual(["u7"]);
    expect(calls.reads).toBe(2);
  });

  it("remembers nothing a failed write or append left, nor a rule that is deleted", async () => {
    const { store, calls } = sharedStore();
    const failing: RuleHolderIndex = { ...store, append: () => Promise.reject(new Error("the store is down")) };
    const index = new RememberedRuleHolderIndex(failing);
    const first = at(await index.write(ORG, RULE, [holder(1)], "v1", null));
    await expect(index.append(ORG, RULE, first, { removed: ["u1"], added: [] })).rejects.toThrow("the store is down");
    expect(ids(await index.read(ORG, RULE, first))).toEqual(["u1"]); // from the store: the copy was dropped
    expect(calls.reads).toBe(1);

    await index.delete(ORG, RULE);
    expect(await index.read(ORG, RULE, first)).toBeNull();
    expect(calls.reads).toBe(2);
  });

  it("keeps at most its bound of holders, dropping the least recently used rule first", async () => {
    const { store, calls } = sharedStore();
    const index = new RememberedRuleHolderIndex(store, 5);
    const a = at(await index.write(ORG, "rule-a", [holder(1), holder(2)], "va", null));
    const b = at(await index.write(ORG, "rule-b", [holder(3), holder(4)], "vb", null));
    await index.read(ORG, "rule-a", a); // a is now the most recently used
    await index.write(ORG, "rule-c", [holder(5), holder(6)], "vc", null); // 6 > 5: b goes
    await index.read(ORG, "rule-a", a);
    expect(calls.reads).toBe(0);
    await index.read(ORG, "rule-b", b);
    expect(calls.reads).toBe(1);
    // A rule larger than the bound is never kept.
    const large = at(
      await index.write(
        ORG,
        "rule-d",
        [1, 2, 3, 4, 5, 6].map((i) => holder(i)),
        "vd",
        null,
      ),
    );
    await index.read(ORG, "rule-d", large);
    expect(calls.reads).toBe(2);
  });
});
