import type { GrantRole } from "./member";

/**
 * Group rules (docs/decisions/0009-group-rules.md): a rule licenses the members of an Azure
 * DevOps or Entra group with one role, and a sync follows the group. Pure rules: the record,
 * the limits, and what one sync changes.
 */
export const MAX_GROUP_RULES = 100;
/** A rule's group may have at most this many users (nested groups expanded). */
export const MAX_RULE_GROUP_MEMBERS = 50_000;
/** Members waiting for a seat kept by name on the rule (the rest wait in name order). */
export const MAX_WAITING_LISTED = 1_000;
/** A sync holds removals above this share of the rule's members... */
const HOLD_SHARE = 1 / 5;
/** ...when they are at least this many people. */
const HOLD_MINIMUM = 10;

/** What a plan needs of a person besides their id: for its order and what it names. */
export interface PersonName {
  displayName: string;
  email: string;
}

export interface RulePerson extends PersonName {
  userId: string;
}

export interface WaitingPerson extends RulePerson {
  /** When the member first found no free seat: the waiting order. */
  since: string;
}

export interface RuleGroup {
  descriptor: string;
  displayName: string;
  principalName: string;
  /** "vsts" (Azure DevOps) or "aad" (Entra). */
  origin: string;
}

export interface RuleSyncState {
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  /** Users in the group at the last complete read. */
  groupMembers: number | null;
  /** Members holding the rule's part after the last sync. */
  holders: number;
  /** The last sync could not read the group completely: what went wrong, since when. */
  problem: { message: string; since: string } | null;
  /** In the order they get a seat; at most MAX_WAITING_LISTED, `waitingCount` counts all. */
  waiting: WaitingPerson[];
  waitingCount: number;
  /** Removals held for an administrator's confirmation. */
  heldRemovals: { count: number; sample: RulePerson[]; since: string } | null;
  /** Who syncs the rule now (an instance and request), until when: one sync at a time. */
  lease: SyncLease | null;
  /** Where the last complete sync left the rule's holders (ports/rule-holder-index.ts); null: read them from the members. */
  holdersIndex: HoldersIndexRef | null;
}

/**
 * Whether the timer syncs a rule now: its last sync is older than the interval, or members
 * wait for a seat and one is free (they get it within one timer period, not one interval).
 */
export function syncDue(sync: RuleSyncState, now: Date, intervalMs: number, seatFree: boolean): boolean {
  const last = sync.lastRunAt ? Date.parse(sync.lastRunAt) : 0;
  if (now.getTime() - last >= intervalMs) return true;
  return sync.waitingCount > 0 && seatFree && !sync.problem;
}

export interface SyncLease {
  holder: string;
  until: string;
  /** Another sync, whose lease had run out, wrote members while this one held the rule. */
  tainted?: boolean;
}

/**
 * What a finishing sync writes, given the rule's sync state as it is now. Its lease may be
 * gone: it ran out during a long sync and another sync took the rule (or has finished since).
 * Then that other sync's lease stays, marked tainted (its reading of the holders may have
 * missed what this sync wrote), and no holders index is kept; a sync whose own lease was
 * tainted keeps none either. The next sync then reads the holders from the members.
 */
export function finishedSync(current: RuleSyncState, own: SyncLease, next: RuleSyncState): RuleSyncState {
  const lease = current.lease;
  if (!lease || lease.holder !== own.holder || lease.until !== own.until)
    return { ...next, lease: lease ? { ...lease, tainted: true } : null, holdersIndex: null };
  return lease.tainted ? { ...next, holdersIndex: null } : next;
}

/**
 * One write of a rule's holders index: its version, how many parts, when, and the changes
 * later syncs appended to it (how many, how large), read on top of the parts.
 */
export interface HoldersIndexRef {
  version: string;
  parts: number;
  /** When the parts were written: appending a change keeps it, so the index is rebuilt from the members daily. */
  at: string;
  changes: number;
  changeBytes: number;
}

/**
 * A sync trusts the holders index only if it is young, so that however it came to differ
 * from the members (a restore, a bug), the difference lasts a day at most.
 */
const HOLDERS_INDEX_MAX_AGE_MS = 24 * 60 * 60_000;

/**
 * The index a sync may read instead of the members: the one the last sync wrote, if that sync
 * finished (it gave its lease back; a sync cut short leaves its lease, and may have changed
 * holders after the index was written) and if it is less than a day old.
 */
export function trustedHoldersIndex(sync: RuleSyncState, now: Date): HoldersIndexRef | null {
  const index = sync.holdersIndex;
  if (!index || sync.lease) return null;
  return now.getTime() - Date.parse(index.at) < HOLDERS_INDEX_MAX_AGE_MS ? index : null;
}

export interface GroupRuleRecord {
  id: string;
  orgId: string;
  group: RuleGroup;
  role: GrantRole;
  createdAt: string;
  createdBy: { id: string; displayName: string };
  /** Set when deletion starts: the rule's parts are being removed, and no sync adds any. */
  deleting: boolean;
  sync: RuleSyncState;
}

export const NEVER_SYNCED: RuleSyncState = {
  lastRunAt: null,
  lastSuccessAt: null,
  groupMembers: null,
  holders: 0,
  problem: null,
  waiting: [],
  waitingCount: 0,
  heldRemovals: null,
  lease: null,
  holdersIndex: null,
};

/** The name lists show for a rule: "Rule: Engineering". */
export function ruleName(group: RuleGroup): string {
  return group.displayName || group.principalName;
}

export interface SyncPlan {
  /** Holders who left the group: their part goes. */
  removals: string[];
  /** Members without the part yet, in the order they get a seat. */
  additions: RulePerson[];
  /** Removals held back for confirmation (removals is then empty). */
  held: { count: number; sample: RulePerson[] } | null;
}

/**
 * What one sync changes, from a complete read of the group: everyone who left loses the
 * rule's part (unless that is more than a fifth of the rule's members and at least 10
 * people, and no administrator confirmed as many), and everyone new gets it, those who waited
 * longest first, then the rest by name, so the order is the same on every run.
 */
export function planSync(input: {
  /** Everyone in the group now, by user id. */
  groupMembers: ReadonlyMap<string, PersonName>;
  /** Everyone who holds the rule's part now, by user id. */
  holders: ReadonlyMap<string, PersonName>;
  waiting: readonly WaitingPerson[];
  confirmedRemovals: number | null;
}): SyncPlan {
  // Maps in, so a sync over a large group compares by key and copies only who changed.
  // forEach, not for…of over entries: this runs once a sync, mostly before the JIT has
  // optimized it, and there destructuring the entries costs more than the lookups (measured
  // over 20,000 holders: 30 ms a plan against 5).
  const leaving: RulePerson[] = [];
  input.holders.forEach((h, userId) => {
    if (!input.groupMembers.has(userId)) leaving.push({ userId, displayName: h.displayName, email: h.email });
  });
  const additions: RulePerson[] = [];
  input.groupMembers.forEach((m, userId) => {
    if (!input.holders.has(userId)) additions.push({ userId, displayName: m.displayName, email: m.email });
  });
  const waitedSince = new Map(input.waiting.map((w) => [w.userId, w.since]));
  additions.sort((a, b) => {
    const sa = waitedSince.get(a.userId);
    const sb = waitedSince.get(b.userId);
    if (sa !== undefined || sb !== undefined) {
      if (sa === undefined) return 1;
      if (sb === undefined) return -1;
      if (sa !== sb) return sa < sb ? -1 : 1;
    }
    return byName(a, b);
  });
  const confirmed = input.confirmedRemovals !== null && leaving.length <= input.confirmedRemovals;
  if (removalsNeedConfirmation(leaving.length, input.holders.size) && !confirmed) {
    return { removals: [], additions, held: { count: leaving.length, sample: [...leaving].sort(byName).slice(0, 50) } };
  }
  return { removals: leaving.map((h) => h.userId), additions, held: null };
}

/** More than a fifth of the rule's members, and at least 10 people, leaving at once. */
export function removalsNeedConfirmation(removals: number, holders: number): boolean {
  return removals >= HOLD_MINIMUM && removals > holders * HOLD_SHARE;
}

/**
 * The waiting list after a sync: who found no seat, in the order they were offered one,
 * keeping when each first waited (a member who waited before keeps their place).
 */
export function waitingAfter(
  unseated: readonly RulePerson[],
  before: readonly WaitingPerson[],
  now: string,
): { waiting: WaitingPerson[]; waitingCount: number } {
  const since = new Map(before.map((w) => [w.userId, w.since]));
  const waiting = unseated.slice(0, MAX_WAITING_LISTED).map((p) => ({ ...p, since: since.get(p.userId) ?? now }));
  return { waiting, waitingCount: unseated.length };
}

/** One collator for every comparison: `localeCompare(…, "en")` looks the locale up on each call. */
const names = new Intl.Collator("en");

function byName(a: RulePerson, b: RulePerson): number {
  return names.compare(a.displayName, b.displayName) || a.userId.localeCompare(b.userId);
}
