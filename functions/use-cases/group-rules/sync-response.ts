import type { GroupRuleSyncResponse } from "../../contracts/group-rules";
import type { Role } from "../../domain/roles";
import { plural } from "../../domain/plural";
import type { SyncOutcome } from "./sync-rule";
import { ruleView } from "./rule-views";

/** The sync's answer in words: what it changed, who waits, what is held. */
export function syncResponse(outcome: SyncOutcome, defaultRole: Role): GroupRuleSyncResponse {
  const view = ruleView(outcome.rule, defaultRole);
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

/** "4 members got the rule's role, 2 lost it.", naming only what happened. */
function changedInWords(added: number, removed: number): string {
  if (added > 0 && removed > 0)
    return `${plural(added, "member")} got the rule's role, ${removed.toLocaleString("en")} lost it.`;
  if (added > 0) return `${plural(added, "member")} got the rule's role.`;
  if (removed > 0) return `${plural(removed, "member")} lost the rule's role.`;
  return "Nobody's role changed.";
}
