import type { Container } from "@azure/cosmos";
import { NEVER_SYNCED, type GroupRuleRecord } from "../../domain/group-rule";
import type { GroupRuleStore } from "../../ports/group-rule-store";
import type { Versioned } from "../../ports/versioned";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { toVersioned } from "./document";

/** Rules sit in the org's partition of the members container: `type: "groupRule"`, id = the rule's id. */
type RuleDocument = GroupRuleRecord & { type: "groupRule" };

const asRule = (doc: Record<string, unknown>): GroupRuleRecord => {
  const d = doc as unknown as RuleDocument;
  return {
    id: d.id,
    orgId: d.orgId,
    group: d.group,
    role: d.role,
    createdAt: d.createdAt,
    createdBy: d.createdBy,
    deleting: d.deleting ?? false,
    sync: { ...NEVER_SYNCED, ...d.sync },
  };
};

const ruleDocument = (rule: GroupRuleRecord): RuleDocument => ({ ...rule, type: "groupRule" });

export class CosmosGroupRuleStore implements GroupRuleStore {
  constructor(private readonly db: CosmosDatabase) {}

  private async container(): Promise<Container> {
    return (await storeCall("Opening the database", () => this.db.containers())).members;
  }

  async list(orgId: string): Promise<Versioned<GroupRuleRecord>[]> {
    const members = await this.container();
    const { resources } = await storeCall("Listing the group rules", () =>
      members.items
        .query<Record<string, unknown>>(
          {
            query: "SELECT * FROM c WHERE c.orgId = @orgId AND c.type = 'groupRule' ORDER BY c.createdAt ASC",
            parameters: [{ name: "@orgId", value: orgId }],
          },
          { partitionKey: orgId },
        )
        .fetchAll(),
    );
    return resources.map((r) => toVersioned(r, asRule)!);
  }

  async get(orgId: string, ruleId: string): Promise<Versioned<GroupRuleRecord> | null> {
    const members = await this.container();
    return storeCall("Reading the group rule", async () => {
      const { resource, statusCode } = await members.item(ruleId, orgId).read<Record<string, unknown>>();
      return statusCode === 404 || resource?.type !== "groupRule" ? null : toVersioned(resource, asRule);
    });
  }

  async create(rule: GroupRuleRecord): Promise<Versioned<GroupRuleRecord>> {
    const members = await this.container();
    return storeCall("Saving the group rule", async () => {
      const { resource } = await members.items.create(ruleDocument(rule));
      return toVersioned(resource as unknown as Record<string, unknown>, asRule)!;
    });
  }

  async replace(rule: GroupRuleRecord, etag: string): Promise<Versioned<GroupRuleRecord>> {
    const members = await this.container();
    return storeCall("Saving the group rule", async () => {
      const { resource } = await members
        .item(rule.id, rule.orgId)
        .replace(ruleDocument(rule), { accessCondition: { type: "IfMatch", condition: etag } });
      return toVersioned(resource as unknown as Record<string, unknown>, asRule)!;
    });
  }

  async delete(orgId: string, ruleId: string): Promise<void> {
    const members = await this.container();
    await storeCall("Deleting the group rule", async () => {
      try {
        await members.item(ruleId, orgId).delete();
      } catch (error) {
        if ((error as { code?: unknown }).code !== 404) throw error;
      }
    });
  }

  async *orgIds(): AsyncIterable<string> {
    const members = await this.container();
    // One org id per rule (at most 100 per org); each org is given once.
    const iterator = members.items.query<string>("SELECT VALUE c.orgId FROM c WHERE c.type = 'groupRule'", {
      maxItemCount: 500,
    });
    const seen = new Set<string>();
    while (iterator.hasMoreResults()) {
      const { resources } = await storeCall("Listing the orgs with group rules", () => iterator.fetchNext());
      for (const orgId of resources)
        if (!seen.has(orgId)) {
          seen.add(orgId);
          yield orgId;
        }
    }
  }
}
