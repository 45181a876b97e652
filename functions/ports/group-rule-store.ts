import type { GroupRuleRecord } from "../domain/group-rule";
import type { Versioned } from "./versioned";

/** The org's group rules (documents in its partition, beside the members they license). */
export interface GroupRuleStore {
  list(orgId: string): Promise<Versioned<GroupRuleRecord>[]>;
  get(orgId: string, ruleId: string): Promise<Versioned<GroupRuleRecord> | null>;
  /** ConflictError when a rule with this id (this group) exists. */
  create(rule: GroupRuleRecord): Promise<Versioned<GroupRuleRecord>>;
  /** PreconditionFailedError when the rule changed since `etag`; NotFoundError when it is gone. */
  replace(rule: GroupRuleRecord, etag: string): Promise<Versioned<GroupRuleRecord>>;
  delete(orgId: string, ruleId: string): Promise<void>;
  /** Every org that has a rule (the sync timer; a cross-partition query). */
  orgIds(): AsyncIterable<string>;
}
