import type { GroupRuleSyncResponse } from "../../contracts/group-rules";
import { plural } from "../../domain/plural";
import type { SyncOutcome } from "./sync-rule";
import { ruleView, type RuleViewContext } from "./rule-views";

/** The sync's answer in words: what it changed, who waits, what is held. */
export function syncResponse(outcome: SyncOutcome, ctx: RuleViewContext): GroupRuleSyncResponse {
  const view = ruleView(outcome.rule, ctx);
  const { problem, waiting, heldRemovals } = view.sync;
  const parts = outcome.read
    ? [changedInWords(outcome.added, outcome.removed)]
    : [`Could not read the group, so nobody was removed: ${problem?.message ?? "Azure DevOps did not answer."}`];
  if (waiting.count > 0)
    parts.push(`${plural(waiting.count, "member")} ${waiting.count === 1 ? "waits" : "wait"} for a seat.`);
  if (heldRemovals)
    parts.push(
      `${plural(heldRemovals.count, "removal")} ${heldRemovals.count === 1 ? "is" : "are"} held until you confirm them.`,
    );
  return { rule: view, added: outcome.added, removed: outcome.removed, message: parts.join(" ") };
}

/** What "Sync now" on every rule did, rule by rule added up. */
export interface SyncTally {
  /** Rules whose group was read and applied. */
  synced: number;
  added: number;
  removed: number;
  /** Rules that could not read their group (nobody removed). */
  unread: number;
  /** Rules another sync was running for just then. */
  busy: number;
}

/**
 * "3 rules synced: 4 members got their rule's role, 1 lost it. 2 members wait for a seat.",
 * then the rules that could not read their group, and those another sync had.
 */
export function syncAllInWords(tally: SyncTally, waiting: number): string {
  if (tally.synced + tally.unread + tally.busy === 0) return "There is no rule to sync.";
  const parts: string[] = [];
  if (tally.synced > 0) {
    const changed = changedInWords(tally.added, tally.removed, "their rule's role");
    parts.push(`${plural(tally.synced, "rule")} synced: ${changed[0].toLowerCase()}${changed.slice(1)}`);
  }
  if (waiting > 0) parts.push(`${plural(waiting, "member")} ${waiting === 1 ? "waits" : "wait"} for a seat.`);
  if (tally.unread > 0)
    parts.push(
      `${plural(tally.unread, "rule")} could not read ${tally.unread === 1 ? "its group" : "their groups"}, so nobody was removed by ${tally.unread === 1 ? "it" : "them"}: the rule says why.`,
    );
  if (tally.busy > 0)
    parts.push(
      `${plural(tally.busy, "rule")} ${tally.busy === 1 ? "was" : "were"} being synced already, by the timer.`,
    );
  return parts.join(" ");
}

/** "4 members got the rule's role, 2 lost it.", naming only what happened. */
function changedInWords(added: number, removed: number, role = "the rule's role"): string {
  if (added > 0 && removed > 0)
    return `${plural(added, "member")} got ${role}, ${removed.toLocaleString("en")} lost it.`;
  if (added > 0) return `${plural(added, "member")} got ${role}.`;
  if (removed > 0) return `${plural(removed, "member")} lost ${role}.`;
  return "Nobody's role changed.";
}
