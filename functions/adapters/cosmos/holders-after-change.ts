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
  const hidden = new Set(before instanceof LayeredHolders ? before.hidden : []);
  const added = new Map(before instanceof LayeredHolders ? before.added : []);
  for (const userId of change.removed) {
    added.delete(userId);
    if (base.has(userId)) hidden.add(userId);
  }
  for (const h of change.added) added.set(h.id, h);
  const layered = new LayeredHolders(base, hidden, added);
  if (hidden.size + added.size <= base.size * MAX_LAYERED_FRACTION) return layered;
  const copy = new Map<string, RuleHolder>();
  layered.forEach((h, userId) => copy.set(userId, h));
  return copy;
}

/** Holders as a base map, the ids of it hidden, and the holders added or updated over it. */
class LayeredHolders implements ReadonlyMap<string, RuleHolder> {
  readonly size: number;

  constructor(
    readonly base: Holders,
    readonly hidden: ReadonlySet<string>,
    readonly added: ReadonlyMap<string, RuleHolder>,
  ) {
    let size = base.size - hidden.size;
    for (const userId of added.keys()) if (!this.inBase(userId)) size++;
    this.size = size;
  }

  get(userId: string): RuleHolder | undefined {
    return this.added.get(userId) ?? (this.inBase(userId) ? this.base.get(userId) : undefined);
  }

  has(userId: string): boolean {
    return this.added.has(userId) || this.inBase(userId);
  }

  *entries(): MapIterator<[string, RuleHolder]> {
    for (const entry of this.base) if (!this.hidden.has(entry[0]) && !this.added.has(entry[0])) yield entry;
    yield* this.added;
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
      if (!this.hidden.has(userId) && !this.added.has(userId)) callback.call(thisArg, h, userId, this);
    });
    this.added.forEach((h, userId) => callback.call(thisArg, h, userId, this));
  }

  /** Whether the base still holds `userId` here (not hidden by a removal). */
  private inBase(userId: string): boolean {
    return !this.hidden.has(userId) && this.base.has(userId);
  }
}
