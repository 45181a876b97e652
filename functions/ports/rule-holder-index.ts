import type { HoldersIndexRef } from "../domain/group-rule";
import type { RuleHolder } from "./member-roster";

/**
 * Who holds a group rule's part, as its last complete sync left them, kept in a few
 * documents beside the rule (docs/decisions/0010-rule-holders-index.md): a sync reads them
 * by id instead of querying every member of the org. The members stay the truth: a rule
 * trusts its index only when the sync that wrote it finished (see sync-rule.ts).
 */
export interface RuleHolderIndex {
  /** The holders written as `ref`; null when a part is missing or was written by another write. */
  read(orgId: string, ruleId: string, ref: HoldersIndexRef): Promise<RuleHolder[] | null>;
  /**
   * Writes `holders` in parts under `version` (parts of an earlier write that this one does
   * not overwrite are removed when `previous` names them) and answers the reference to keep on the rule.
   */
  write(
    orgId: string,
    ruleId: string,
    holders: readonly RuleHolder[],
    version: string,
    previous: HoldersIndexRef | null,
  ): Promise<Omit<HoldersIndexRef, "at">>;
  /** Removes every part (the rule is deleted). */
  delete(orgId: string, ruleId: string): Promise<void>;
}
