import type { HoldersIndexRef } from "../../domain/group-rule";
import type { RuleHolder } from "../../ports/member-roster";
import type { HoldersChange, RuleHolderIndex } from "../../ports/rule-holder-index";
import { holdersAfterChange } from "./holders-after-change";

interface Remembered {
  version: string;
  parts: number;
  changes: number;
  holders: ReadonlyMap<string, RuleHolder>;
}

/** Holders kept in this instance's memory at most, over all rules (some 25 MB): the least recently used go first. */
const MAX_REMEMBERED_HOLDERS = 100_000;

const key = (orgId: string, ruleId: string) => `${orgId}\n${ruleId}`;
const same = (r: Remembered, ref: Omit<HoldersIndexRef, "at">) =>
  r.version === ref.version && r.parts === ref.parts && r.changes === ref.changes;

/**
 * A rule's holders index as this instance last read or wrote it (docs/decisions/0012):
 * a warm instance's next sync of the rule then reads nothing of it from the store. Safe
 * because what a reference names never changes once a rule records it: a full write takes a
 * new version, and a change is numbered after the last one recorded; a change a sync wrote
 * but never recorded is never read, since the sync after it distrusts the index and writes it
 * anew. Another instance's write records another reference, which misses here and is read.
 */
export class RememberedRuleHolderIndex implements RuleHolderIndex {
  private readonly remembered = new Map<string, Remembered>();
  private holders = 0;

  constructor(
    private readonly store: RuleHolderIndex,
    private readonly maxHolders = MAX_REMEMBERED_HOLDERS,
  ) {}

  async read(orgId: string, ruleId: string, ref: HoldersIndexRef): Promise<ReadonlyMap<string, RuleHolder> | null> {
    const copy = this.remembered.get(key(orgId, ruleId));
    if (copy && same(copy, ref)) {
      this.remember(orgId, ruleId, copy); // most recently used
      // The same map every time: the port's answer is read-only, and append builds a new one.
      return copy.holders;
    }
    const holders = await this.store.read(orgId, ruleId, ref);
    if (holders) this.remember(orgId, ruleId, { ...ref, holders });
    else this.forget(orgId, ruleId);
    return holders;
  }

  async write(
    orgId: string,
    ruleId: string,
    holders: readonly RuleHolder[],
    version: string,
    previous: HoldersIndexRef | null,
  ): Promise<Omit<HoldersIndexRef, "at">> {
    this.forget(orgId, ruleId);
    const written = await this.store.write(orgId, ruleId, holders, version, previous);
    this.remember(orgId, ruleId, { ...written, holders: new Map(holders.map((h) => [h.id, h])) });
    return written;
  }

  async append(
    orgId: string,
    ruleId: string,
    onto: HoldersIndexRef,
    change: HoldersChange,
  ): Promise<Omit<HoldersIndexRef, "at"> | null> {
    const before = this.remembered.get(key(orgId, ruleId));
    this.forget(orgId, ruleId);
    const appended = await this.store.append(orgId, ruleId, onto, change);
    if (appended && before && same(before, onto)) {
      // As a read applies the change, over the holders remembered before (never copied whole).
      this.remember(orgId, ruleId, { ...appended, holders: holdersAfterChange(before.holders, change) });
    }
    return appended;
  }

  async delete(orgId: string, ruleId: string): Promise<void> {
    this.forget(orgId, ruleId);
    await this.store.delete(orgId, ruleId);
  }

  private remember(orgId: string, ruleId: string, entry: Remembered): void {
    this.forget(orgId, ruleId);
    if (entry.holders.size > this.maxHolders) return;
    this.remembered.set(key(orgId, ruleId), entry);
    this.holders += entry.holders.size;
    for (const [oldest, value] of this.remembered) {
      if (this.holders <= this.maxHolders) break;
      this.remembered.delete(oldest);
      this.holders -= value.holders.size;
    }
  }

  private forget(orgId: string, ruleId: string): void {
    const k = key(orgId, ruleId);
    const entry = this.remembered.get(k);
    if (!entry) return;
    this.remembered.delete(k);
    this.holders -= entry.holders.size;
  }
}
