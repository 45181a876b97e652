import type { GroupRuleView, PeopleSample, PersonRef } from "../services/group-rules-service";
import { usersText } from "./users-text";
import { whenText } from "./when-text";

/**
 * The words of the Group rules tab, from what the server decided (counts, times, its
 * messages). Nothing here decides who gets a seat: it only says what the server said.
 */

type RuleSync = GroupRuleView["sync"];

export function personName(person: PersonRef): string {
  return person.displayName || person.email;
}

/** "Aisha Okafor, Mei Chen, Grace Wright and 2 more"; "" for nobody. */
export function sampleText(sample: PeopleSample, shown = 3): string {
  const names = sample.people.slice(0, shown).map(personName);
  const more = sample.count - names.length;
  if (names.length === 0) return sample.count > 0 ? usersText(sample.count) : "";
  if (more <= 0) return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${names.join(", ")} and ${more.toLocaleString("en")} more`;
}

/** " Dec 3, 2026, 10:04 AM", or nothing when the server gave no time. */
const at = (iso: string | null): string => (iso ? ` ${whenText(iso)}` : "");

/** How the rule's syncing goes, with the time it last ran or last read the group completely. */
export function syncStatusText(sync: RuleSync): string {
  switch (sync.status) {
    case "never":
      return "Not synced yet";
    case "ok":
      return `Synced${at(sync.lastSuccessAt ?? sync.lastRunAt)}`;
    case "failing":
      return sync.lastSuccessAt
        ? `Sync failing · last complete sync${at(sync.lastSuccessAt)}`
        : "Sync failing · never synced completely";
    case "held":
      return `Removals held · last sync${at(sync.lastRunAt ?? sync.lastSuccessAt)}`;
  }
}

/** The rule's problem in the server's words, and since when it lasts. */
export function problemText(problem: NonNullable<RuleSync["problem"]>): string {
  return `Since ${whenText(problem.since)}: ${problem.message} Nobody is removed from this rule until its group can be read completely.`;
}

export function heldText(held: NonNullable<RuleSync["heldRemovals"]>): string {
  return `Since ${whenText(held.since)}, a sync would remove ${usersText(held.count)} from this rule at once. They keep their licenses until an administrator confirms the removals.`;
}

export function waitingText(count: number): string {
  return `${usersText(count)} waiting for a seat`;
}

/** The part of a list the server sent by name, and how many it left out. */
export function namedAndMore(sample: PeopleSample, shown = sample.people.length): { named: PersonRef[]; more: number } {
  const named = sample.people.slice(0, shown);
  return { named, more: Math.max(0, sample.count - named.length) };
}
