import type { HoldersIndexRef } from "../domain/group-rule";
import type { RuleHolder } from "./member-roster";

/** Who came and who went in one sync: what an index write appends instead of rewriting every holder. */
export interface HoldersChange {
  removed: readonly string[];
  added: readonly RuleHolder[];
}

/**
 * Who holds a group rule's part, as its last complete sync left them, kept in a few
 * documents beside the rule (docs/decisions/0010-rule-holders-index.md; the changes each
 * sync appends: 0012): a sync reads them by id instead of querying every member of the org.
 * The members stay the truth: a rule trusts its index only when the sync that wrote it
 * finished (see sync-rule.ts).
 */
export interface RuleHolderIndex {
  /**
   * The holders written as `ref` (its parts, then its changes) by user id; null when any of
   * them is missing or from another write. Read-only: an implementation may hand the same map
   * to the next read of `ref`.
   */
  read(orgId: string, ruleId: string, ref: HoldersIndexRef): Promise<ReadonlyMap<string, RuleHolder> | null>;
  /**
   * Writes `holders` in parts under `version` (what an earlier write left that this one does
   * not overwrite is removed when `previous` names it) and answers the reference to keep on the rule.
   */
  write(
    orgId: string,
    ruleId: string,
    holders: readonly RuleHolder[],
    version: string,
    previous: HoldersIndexRef | null,
  ): Promise<Omit<HoldersIndexRef, "at">>;
  /**
   * Adds one sync's change to the write `onto` names, in a document of its own, and answers
   * the reference that reads it too; null when the changes kept beside the parts would grow
   * too large to read cheaply (the caller then writes every holder anew).
   */
  append(
    orgId: string,
    ruleId: string,
    onto: HoldersIndexRef,
    change: HoldersChange,
  ): Promise<Omit<HoldersIndexRef, "at"> | null>;
  /** Removes every part and change (the rule is deleted). */
  delete(orgId: string, ruleId: string): Promise<void>;
}
