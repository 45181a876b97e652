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
    ? [`${plural(outcome.added, "member")} got the rule's role, ${plural(outcome.removed, "member")} lost it.`]
    : [`Could not read the group, so nobody was removed: ${problem?.message ?? "Azure DevOps did not answer."}`];
  if (waiting.count > 0) parts.push(`${plural(waiting.count, "member")} wait for a seat.`);
  if (heldRemovals) parts.push(`${plural(heldRemovals.count, "removal")} are held until you confirm them.`);
  return { rule: view, added: outcome.added, removed: outcome.removed, message: parts.join(" ") };
}
