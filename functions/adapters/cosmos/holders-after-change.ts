import type { RuleHolder } from "../../ports/member-roster";
import type { HoldersChange } from "../../ports/rule-holder-index";

type Holders = ReadonlyMap<string, RuleHolder>;

/**
 * Changes stacked on the same holders before they are copied into a map of their own: up to
 * an eighth of them. A 1% sync of 20,000 holders changes 400 (200 leave, 200 join), so the
 * copy is paid about every sixth such sync instead of on each, and iterating walks at most a
 * quarter more entries than the holders hold.
 */
const MAX_LAYERED_FRACTION = 1 / 8;

/**
 * The holders `before` with `change` applied (who left removed, who came added, a holder who
 * came again updated), without copying `before`: remembering a 1% sync of a 20,000-holder
 * rule then costs its 400 changes, not a new map of 20,000
 * (docs/decisions/0012-holders-index-takes-changes.md). Iteration lists the holders added or
 * updated last; nothing reads them in order. `before` must not change afterwards: the index
 * port's answers are read-only.
 */
export function holdersAfterChange(before: Holders, change: HoldersChange): Holders {
  const base = before instanceof LayeredHolders ? before.base : before;
  const over = new Map(before instanceof LayeredHolders ? before.over : []);
  for (const userId of change.removed) {
    if (base.has(userId)) over.set(userId, null);
    else over.delete(userId);
  }
  for (const h of change.added) over.set(h.id, h);
  const layered = new LayeredHolders(base, over);
  if (over.size <= base.size * MAX_LAYERED_FRACTION) return layered;
  const copy = new Map<string, RuleHolder>();
  layered.forEach((h, userId) => copy.set(userId, h));
  return copy;
}

/**
 * Holders as a base map and what lies over it: a holder added or updated, or null for one of
 * the base's that left. One map over the base, so a lookup costs at most two (a sync looks
 * up every member of the group, and walks every holder).
 */
class LayeredHolders implements ReadonlyMap<string, RuleHolder> {
  readonly size: number;

  constructor(
    readonly base: Holders,
    /** Null only for ids the base holds (holdersAfterChange keeps it so). */
    readonly over: ReadonlyMap<string, RuleHolder | null>,
  ) {
    let size = base.size;
    over.forEach((h, userId) => {
      if (h === null) size--;
      else if (!base.has(userId)) size++;
    });
    this.size = size;
  }

  get(userId: string): RuleHolder | undefined {
    const over = this.over.get(userId);
    return over === undefined ? this.base.get(userId) : (over ?? undefined);
  }

  has(userId: string): boolean {
    const over = this.over.get(userId);
    return over === undefined ? this.base.has(userId) : over !== null;
  }

  *entries(): MapIterator<[string, RuleHolder]> {
    for (const entry of this.base) if (!this.over.has(entry[0])) yield entry;
    for (const [userId, h] of this.over) if (h) yield [userId, h];
  }

  *keys(): MapIterator<string> {
    for (const [userId] of this.entries()) yield userId;
  }

  *values(): MapIterator<RuleHolder> {
    for (const [, h] of this.entries()) yield h;
  }

  [Symbol.iterator](): MapIterator<[string, RuleHolder]> {
    return this.entries();
  }

  /** Without the generators: a sync's plan walks every holder once this way (see planSync). */
  forEach(callback: (h: RuleHolder, userId: string, map: Holders) => void, thisArg?: unknown): void {
    this.base.forEach((h, userId) => {
      if (!this.over.has(userId)) callback.call(thisArg, h, userId, this);
    });
    this.over.forEach((h, userId) => {
      if (h) callback.call(thisArg, h, userId, this);
    });
  }
}
