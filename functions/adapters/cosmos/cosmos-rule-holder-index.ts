import type { Container, OperationInput } from "@azure/cosmos";
import type { HoldersIndexRef } from "../../domain/group-rule";
import type { RuleHolder } from "../../ports/member-roster";
import type { RuleHolderIndex } from "../../ports/rule-holder-index";
import type { CosmosDatabase } from "./cosmos-client";
import { executeBulk, type BulkResult } from "./cosmos-bulk";
import { storeCall } from "./cosmos-errors";
import { mapLimited } from "../../domain/map-limited";

/** One holder, as a tuple: a part of 20,000 holders stays a few megabytes. */
type HolderEntry = [userId: string, descriptor: string | null, displayName: string, email: string, uniqueName: string];

/** A part of a rule's holders index, in the org's partition beside the rule: `type: "groupRuleHolders"`. */
interface HoldersPart {
  id: string;
  orgId: string;
  type: "groupRuleHolders";
  ruleId: string;
  version: string;
  part: number;
  holders: HolderEntry[];
}

/** Bytes of holders per part (UTF-8 JSON): well under Cosmos' 2 MB per document and per request. */
const PART_BYTES = 1_000_000;

const partId = (ruleId: string, part: number) => `${ruleId}.holders.${part}`;

function entry(h: RuleHolder): HolderEntry {
  return [h.userId, h.descriptor ?? null, h.displayName, h.email, h.uniqueName];
}

function holder([userId, descriptor, displayName, email, uniqueName]: HolderEntry): RuleHolder {
  return { userId, displayName, email, uniqueName, ...(descriptor ? { descriptor } : {}) };
}

/** The entries cut into parts of at most PART_BYTES; at least one part, maybe empty. */
function parts(entries: HolderEntry[]): HolderEntry[][] {
  const out: HolderEntry[][] = [[]];
  let size = 0;
  for (const e of entries) {
    const length = Buffer.byteLength(JSON.stringify(e)) + 1;
    if (size + length > PART_BYTES && out[out.length - 1].length > 0) {
      out.push([]);
      size = 0;
    }
    out[out.length - 1].push(e);
    size += length;
  }
  return out;
}

export class CosmosRuleHolderIndex implements RuleHolderIndex {
  constructor(private readonly db: CosmosDatabase) {}

  private async container(): Promise<Container> {
    return (await storeCall("Opening the database", () => this.db.containers())).members;
  }

  async read(orgId: string, ruleId: string, ref: HoldersIndexRef): Promise<RuleHolder[] | null> {
    const members = await this.container();
    const operations: OperationInput[] = Array.from({ length: ref.parts }, (_, i) => ({
      operationType: "Read",
      id: partId(ruleId, i),
      partitionKey: orgId,
    }));
    const results = await executeBulk("Reading the rule's members", members, operations);
    const holders: RuleHolder[] = [];
    for (const result of results) {
      const part = result.resourceBody as unknown as HoldersPart | undefined;
      // A part missing, or left by another write (one cut short): the caller reads the members.
      if (result.statusCode !== 200 || part?.type !== "groupRuleHolders" || part.version !== ref.version) return null;
      for (const e of part.holders) holders.push(holder(e));
    }
    return holders;
  }

  async write(
    orgId: string,
    ruleId: string,
    holders: readonly RuleHolder[],
    version: string,
    previous: HoldersIndexRef | null,
  ): Promise<Omit<HoldersIndexRef, "at">> {
    const members = await this.container();
    const written = parts(holders.map(entry));
    // One request per part: a part is up to a megabyte, and a batch request may carry two at most.
    await mapLimited(
      written.map((holders, part) => ({ holders, part })),
      4,
      ({ holders, part }) =>
        storeCall("Saving the rule's members", () =>
          members.items.upsert<HoldersPart>({
            id: partId(ruleId, part),
            orgId,
            type: "groupRuleHolders",
            ruleId,
            version,
            part,
            holders,
          }),
        ),
    );
    const stale: OperationInput[] = Array.from(
      { length: Math.max(0, (previous?.parts ?? 0) - written.length) },
      (_, i) => ({ operationType: "Delete", id: partId(ruleId, written.length + i), partitionKey: orgId }),
    );
    await refuseFailures("Saving the rule's members", await executeBulk("Saving the rule's members", members, stale));
    return { version, parts: written.length };
  }

  async delete(orgId: string, ruleId: string): Promise<void> {
    const members = await this.container();
    const { resources: ids } = await storeCall("Reading the rule's members", () =>
      members.items
        .query<string>(
          {
            query:
              "SELECT VALUE c.id FROM c WHERE c.orgId = @orgId AND c.type = 'groupRuleHolders' AND c.ruleId = @ruleId",
            parameters: [
              { name: "@orgId", value: orgId },
              { name: "@ruleId", value: ruleId },
            ],
          },
          { partitionKey: orgId },
        )
        .fetchAll(),
    );
    const results = await executeBulk(
      "Deleting the rule's members",
      members,
      ids.map((id): OperationInput => ({ operationType: "Delete", id, partitionKey: orgId })),
    );
    await refuseFailures("Deleting the rule's members", results);
  }
}

/** Throws the first failed operation as the domain error its status means; a part already gone is no failure. */
async function refuseFailures(what: string, results: readonly BulkResult[]): Promise<void> {
  const failed = results.find((r) => r.statusCode >= 400 && r.statusCode !== 404);
  if (!failed) return;
  const error = Object.assign(new Error(`${what}: the store answered ${failed.statusCode}.`), {
    statusCode: failed.statusCode,
  });
  await storeCall(what, () => Promise.reject(error));
}
