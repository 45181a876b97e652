import type { GroupRuleView, PeopleSample, RulePerson } from "../services/group-rules-service";
import { usersText } from "./users-text";

/**
 * The words of the Group rules tab, from what the server decided (counts, times, its
 * messages). Nothing here decides who gets a seat: it only says what the server said.
 */

/** A time the server gave, in the viewer's time zone: "Dec 3, 2026, 10:04 AM". */
export function whenText(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });
}

export function personName(person: RulePerson): string {
  return person.displayName || person.email;
}

/** "Aisha Okafor, Mei Chen, Grace Wright and 2 more"; "" for nobody. */
export function sampleText(people: PeopleSample, shown = 3): string {
  const names = people.sample.slice(0, shown).map(personName);
  const more = people.count - names.length;
  if (names.length === 0) return people.count > 0 ? usersText(people.count) : "";
  if (more <= 0) return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${names.join(", ")} and ${more.toLocaleString("en")} more`;
}

/** "Synced Dec 3, 2026, 10:04 AM: 2 added, 1 removed", or that it never ran. */
export function lastSyncText(lastSync: GroupRuleView["lastSync"]): string {
  if (!lastSync) return "Not synced yet";
  const changes =
    lastSync.added === 0 && lastSync.removed === 0
      ? "no changes"
      : `${lastSync.added.toLocaleString("en")} added, ${lastSync.removed.toLocaleString("en")} removed`;
  return `Synced ${whenText(lastSync.at)}: ${changes}`;
}

/** The rule's problem in the server's words, and since when it lasts. */
export function problemText(problem: NonNullable<GroupRuleView["problem"]>): string {
  return `Since ${whenText(problem.since)}: ${problem.message} Nobody is removed from this rule while its group cannot be read completely.`;
}

export function heldText(held: NonNullable<GroupRuleView["heldRemovals"]>): string {
  return `Since ${whenText(held.since)}, a sync would remove ${usersText(held.count)} from this rule at once. They keep their licenses until an administrator confirms the removals.`;
}

export function waitingText(count: number): string {
  return `${usersText(count)} waiting for a seat`;
}
