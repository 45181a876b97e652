import type { AuditActor, AuditSurface } from "../../domain/audit";
import { ConflictError, NotFoundError, PreconditionFailedError } from "../../domain/errors";
import {
  planSync,
  ruleName,
  finishedSync,
  trustedHoldersIndex,
  waitingAfter,
  type GroupRuleRecord,
  type HoldersIndexRef,
  type RuleSyncState,
} from "../../domain/group-rule";
import type { OrgRecord } from "../../domain/org";
import { retryOnConflict } from "../../domain/retry-on-conflict";
import type { RuleHolder } from "../../ports/member-roster";
import type { GroupUsers } from "../../ports/org-directory";
import type { HoldersChange } from "../../ports/rule-holder-index";
import type { Versioned } from "../../ports/versioned";
import { applyRoleChanges } from "../users/apply-role-changes";
import type { RoleChangeOutcome } from "../users/role-change";
import type { UsersDeps } from "../users/users-deps";
import { HeldLease, RULE_WRITE_ATTEMPTS, syncLease } from "./held-lease";
import { readGroupAsServiceAccount, readProblem } from "./rule-group";

/** A rule's holders by user id. */
type Holders = ReadonlyMap<string, RuleHolder>;

export const SYNC_RUNNING = "This rule is being synced right now. Try again in a minute.";

export interface SyncOutcome {
  rule: GroupRuleRecord;
  added: number;
  removed: number;
  /** False when the group could not be read completely: nobody was removed. */
  read: boolean;
}

export interface SyncOptions {
  /** Who runs the sync (the lease's holder): a request id or the timer's invocation. */
  holder: string;
  /** Removals an administrator confirmed just now. */
  confirmRemovals?: number;
  /** The group as just read (creating a rule reads it first). */
  members?: GroupUsers;
  /** License everyone new or nobody (a rule's first sync: nothing is half-applied), instead of filling free seats. */
  allOrNothing?: boolean;
}

/** Audit entries of a sync name the rule: source "group rule Engineering". */
export function ruleActor(rule: GroupRuleRecord): { actor: AuditActor; surface: AuditSurface } {
  return {
    actor: { id: `group-rule:${rule.id}`, displayName: `group rule ${ruleName(rule.group)}` },
    surface: "group-rule",
  };
}

/**
 * One sync of one rule (docs/decisions/0009-group-rules.md): read the whole group with the
 * service account, remove the rule's part from whoever left (first, so their seats are free)
 * and give it to whoever is new, up to the free seats, through the seat-checked write path.
 * A read that fails in any way changes no member: the rule records the problem and since
 * when, and the next sync tries again. One sync of a rule runs at a time (a lease on it).
 */
export async function syncRule(
  deps: UsersDeps,
  org: OrgRecord,
  ruleId: string,
  options: SyncOptions,
): Promise<SyncOutcome> {
  const leased = await takeLease(deps, org.id, ruleId, options.holder);
  const rule = leased.value;
  const startedAt = deps.now().toISOString();
  let members: GroupUsers;
  let holders: Holders;
  let fromIndex: boolean;
  try {
    // The holders and the group are read at once: the group read waits for the holders
    // only to know whom it need not look up (holders are shaped as the users it knows).
    const holdersRead = currentHolders(deps, org.id, rule);
    const known = holdersRead.then((read) => read.holders);
    known.catch(() => undefined); // awaited below; a group read failing first must not leave it unhandled
    members = options.members ?? (await readGroupAsServiceAccount(deps, org, rule.group.descriptor, known)).members;
    ({ holders, fromIndex } = await holdersRead);
  } catch (error) {
    const problem = { message: readProblem(error), since: rule.sync.problem?.since ?? startedAt };
    const saved = await saveSync(deps, leased, (s) => ({ ...s, lastRunAt: startedAt, problem, lease: null }));
    return { rule: saved, added: 0, removed: 0, read: false };
  }
  const held = new HeldLease(deps, leased);
  try {
    return await applySync(deps, org, held, { members, holders, fromIndex }, options, startedAt);
  } catch (error) {
    // Some holders may have changed: the next sync reads them from the members.
    await saveSync(deps, held.rule, (s) => ({ ...s, lease: null, holdersIndex: null })).catch(() => undefined);
    throw error;
  }
}

/** The rule's holders: from its index when the lease found it trustworthy, else from the members. */
async function currentHolders(
  deps: UsersDeps,
  orgId: string,
  rule: GroupRuleRecord,
): Promise<{ holders: Holders; fromIndex: boolean }> {
  const index = rule.sync.holdersIndex;
  const indexed = index ? await deps.ruleHolders.read(orgId, rule.id, index) : null;
  if (indexed) return { holders: indexed, fromIndex: true };
  const read = await deps.roster.ruleHolders(orgId, rule.id);
  return { holders: new Map(read.map((h) => [h.id, h])), fromIndex: false };
}

async function applySync(
  deps: UsersDeps,
  org: OrgRecord,
  held: HeldLease,
  read: { members: GroupUsers; holders: Holders; fromIndex: boolean },
  options: SyncOptions,
  startedAt: string,
): Promise<SyncOutcome> {
  const rule = held.rule.value;
  const { members, holders } = read;
  const plan = planSync({
    groupMembers: members,
    holders,
    waiting: rule.sync.waiting,
    confirmedRemovals: options.confirmRemovals ?? null,
  });
  const ruleRef = { id: rule.id, name: ruleName(rule.group) };
  // One pass through the seat-checked path: removals first (their batches free the seats the
  // additions may take; a batch that frees seats is never refused), then additions in the
  // plan's order.
  const ctx = { org, ...ruleActor(rule), fillFreeSeats: !options.allOrNothing, beforeBatch: () => held.keep() };
  const outcomes = await applyRoleChanges(deps, ctx, [
    ...plan.removals.map((userId) => ({ userId, rule: ruleRef, grant: null })),
    ...plan.additions.map((p) => ({
      userId: p.userId,
      rule: ruleRef,
      grant: rule.role,
      profile: members.get(p.userId),
    })),
  ]);
  const removed = outcomes.slice(0, plan.removals.length);
  const added = outcomes.slice(plan.removals.length);
  const removedCount = countChanged(removed);
  const addedCount = countChanged(added);
  const unseated = plan.additions.filter((_, i) => isUnseated(added[i]));
  const after = holdersAfter(holders, removed, added, members);
  // The index and the rule's state are written under the lease too (a first sync writes every holder).
  await held.keep();
  const holdersIndex = await indexHolders(deps, org.id, rule, after, read.fromIndex);
  await held.keep();
  const finishedAt = deps.now().toISOString();
  const saved = await saveSync(deps, held.rule, (s) => ({
    ...s,
    lastRunAt: startedAt,
    lastSuccessAt: finishedAt,
    groupMembers: members.size,
    holders: after.count,
    problem: null,
    holdersIndex,
    ...waitingAfter(unseated, s.waiting, finishedAt),
    heldRemovals: plan.held ? { ...plan.held, since: s.heldRemovals?.since ?? finishedAt } : null,
    lease: null,
  }));
  return { rule: saved, added: addedCount, removed: removedCount, read: true };
}

/**
 * Who holds the part once the writes are done: who came and went to get there, and how many
 * hold it. The whole list is built only when the index is written in full (`all`): a sync
 * that appends its change copies nobody.
 */
interface HoldersAfter {
  change: HoldersChange;
  count: number;
  all(): RuleHolder[];
}

/**
 * Everyone before but those whose removal went through (or who turned out to hold nothing),
 * plus everyone whose addition did (or who held it already).
 */
function holdersAfter(
  before: Holders,
  removed: readonly RoleChangeOutcome[],
  added: readonly RoleChangeOutcome[],
  profiles: GroupUsers,
): HoldersAfter {
  const left = removed.filter((o) => o.ok && before.has(o.userId)).map((o) => o.userId);
  const came: RuleHolder[] = [];
  for (const o of added) {
    const profile = profiles.get(o.userId);
    if (!o.ok || !profile || before.has(o.userId)) continue;
    came.push({ id: o.userId, displayName: profile.displayName, email: profile.email, uniqueName: profile.uniqueName });
  }
  return {
    change: { removed: left, added: came },
    count: before.size - left.length + came.length,
    all() {
      const gone = new Set(left);
      return [...[...before.values()].filter((h) => !gone.has(h.id)), ...came];
    },
  };
}

/**
 * Keeps the holders index for the next sync. Holders read from the index get this sync's
 * change appended to it; holders read from the members (no trusted index), or a change too
 * large to append, are written in full. The index is bookkeeping, so a failed write only
 * sends the next sync to the members.
 */
async function indexHolders(
  deps: UsersDeps,
  orgId: string,
  rule: GroupRuleRecord,
  after: HoldersAfter,
  fromIndex: boolean,
): Promise<HoldersIndexRef | null> {
  const index = rule.sync.holdersIndex;
  const unchanged = after.change.removed.length === 0 && after.change.added.length === 0;
  if (index && fromIndex && unchanged) return index;
  try {
    const appended = index && fromIndex ? await deps.ruleHolders.append(orgId, rule.id, index, after.change) : null;
    if (appended && index) return { ...appended, at: index.at };
    const written = await deps.ruleHolders.write(orgId, rule.id, after.all(), deps.newId(), index);
    return { ...written, at: deps.now().toISOString() };
  } catch (error) {
    deps.warn(`The holders index of group rule ${rule.id} (org ${orgId}) was not saved: ${String(error)}`);
    return null;
  }
}

function countChanged(outcomes: RoleChangeOutcome[]): number {
  return outcomes.filter((o) => o.ok && o.changed).length;
}

function isUnseated(outcome: RoleChangeOutcome | undefined): boolean {
  return !!outcome && !outcome.ok && outcome.reason === "no-seat";
}

/** Takes the rule's sync lease, or refuses while another sync (or a deletion) holds it. */
async function takeLease(
  deps: UsersDeps,
  orgId: string,
  ruleId: string,
  holder: string,
): Promise<Versioned<GroupRuleRecord>> {
  return retryOnConflict(
    { attempts: RULE_WRITE_ATTEMPTS, isConflict: (e) => e instanceof PreconditionFailedError },
    async () => {
      const current = await deps.rules.get(orgId, ruleId);
      if (!current) throw new NotFoundError("There is no such group rule: it may have been deleted.");
      const rule = current.value;
      if (rule.deleting) throw new ConflictError("This rule is being deleted.");
      const now = deps.now();
      if (rule.sync.lease && rule.sync.lease.holder !== holder && Date.parse(rule.sync.lease.until) > now.getTime())
        throw new ConflictError(SYNC_RUNNING);
      // Taking one's own lease again (a request that created the rule) keeps its taint.
      const tainted = rule.sync.lease?.holder === holder && rule.sync.lease.tainted;
      const lease = { ...syncLease(holder, now), ...(tainted ? { tainted } : {}) };
      // An index a sync cut short may have left behind is dropped here, with the lease taken.
      const holdersIndex = trustedHoldersIndex(rule.sync, now);
      return deps.rules.replace({ ...rule, sync: { ...rule.sync, lease, holdersIndex } }, current.etag);
    },
  );
}

/** Writes the sync's result onto the rule as it is now (a deletion may have started meanwhile). */
async function saveSync(
  deps: UsersDeps,
  leased: Versioned<GroupRuleRecord>,
  next: (sync: RuleSyncState) => RuleSyncState,
): Promise<GroupRuleRecord> {
  let current: Versioned<GroupRuleRecord> | null = leased;
  const own = leased.value.sync.lease!;
  return retryOnConflict(
    { attempts: RULE_WRITE_ATTEMPTS, isConflict: (e) => e instanceof PreconditionFailedError },
    async (attempt) => {
      if (attempt > 0) current = await deps.rules.get(leased.value.orgId, leased.value.id);
      if (!current) return { ...leased.value, sync: next(leased.value.sync) };
      const sync = finishedSync(current.value.sync, own, next(current.value.sync));
      return (await deps.rules.replace({ ...current.value, sync }, current.etag)).value;
    },
  );
}
