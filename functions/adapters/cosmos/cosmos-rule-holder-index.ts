import type { Container, OperationInput } from "@azure/cosmos";
import type { HoldersIndexRef } from "../../domain/group-rule";
import type { RuleHolder } from "../../ports/member-roster";
import type { HoldersChange, RuleHolderIndex } from "../../ports/rule-holder-index";
import type { CosmosDatabase } from "./cosmos-client";
import { executeBulk, type BulkResult } from "./cosmos-bulk";
import { storeCall } from "./cosmos-errors";
import { mapLimited } from "../../domain/map-limited";

/**
 * One holder, as a tuple, its unique name left out when it is the e-mail address (as for
 * most users): 20,000 holders are some 2 MB, and every sync reads them.
 */
type HolderEntry = [userId: string, displayName: string, email: string, uniqueName: string | null];

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

/** One sync's change appended to the parts of `version`: the `change`th, read after the parts and the changes before it. */
interface HoldersChangeDocument {
  id: string;
  orgId: string;
  type: "groupRuleHolders";
  ruleId: string;
  version: string;
  change: number;
  removed: string[];
  holders: HolderEntry[];
}

/** Bytes of holders per part (UTF-8 JSON): well under Cosmos' 2 MB per document and per request. */
const PART_BYTES = 1_000_000;
/**
 * Changes kept beside the parts before the next write rewrites them: together at most one
 * part's bytes, so a read costs at most one part more (a 1% change of 20,000 holders is some
 * 60 kB), and few enough documents to read in the same request as the parts.
 */
const CHANGE_BYTES = PART_BYTES;
const MAX_CHANGES = 16;

const partId = (ruleId: string, part: number) => `${ruleId}.holders.${part}`;
const changeId = (ruleId: string, change: number) => `${ruleId}.holders.change.${change}`;

function entry(h: RuleHolder): HolderEntry {
  return [h.id, h.displayName, h.email, h.uniqueName === h.email ? null : h.uniqueName];
}

function holder([id, displayName, email, uniqueName]: HolderEntry): RuleHolder {
  return { id, displayName, email, uniqueName: uniqueName ?? email };
}

const entryBytes = (e: HolderEntry | string) => Buffer.byteLength(JSON.stringify(e)) + 1;

/** The entries cut into parts of at most PART_BYTES; at least one part, maybe empty. */
function parts(entries: HolderEntry[]): HolderEntry[][] {
  const out: HolderEntry[][] = [[]];
  let size = 0;
  for (const e of entries) {
    const length = entryBytes(e);
    if (size + length > PART_BYTES && out[out.length - 1].length > 0) {
      out.push([]);
      size = 0;
    }
    out[out.length - 1].push(e);
    size += length;
  }
  return out;
}

/** The parts' holders with each change applied in order: who left removed, who came added (or updated). */
function applyChanges(partsRead: HoldersPart[], changes: HoldersChangeDocument[]): Map<string, RuleHolder> {
  const byId = new Map<string, HolderEntry>();
  for (const part of partsRead) for (const e of part.holders) byId.set(e[0], e);
  for (const change of changes) {
    for (const userId of change.removed) byId.delete(userId);
    for (const e of change.holders) byId.set(e[0], e);
  }
  const holders = new Map<string, RuleHolder>();
  byId.forEach((e, id) => holders.set(id, holder(e))); // not for…of over entries: see planSync
  return holders;
}

export class CosmosRuleHolderIndex implements RuleHolderIndex {
  constructor(private readonly db: CosmosDatabase) {}

  private async container(): Promise<Container> {
    return (await storeCall("Opening the database", () => this.db.containers())).members;
  }

  async read(orgId: string, ruleId: string, ref: HoldersIndexRef): Promise<ReadonlyMap<string, RuleHolder> | null> {
    const members = await this.container();
    const ids = [
      ...Array.from({ length: ref.parts }, (_, i) => partId(ruleId, i)),
      ...Array.from({ length: ref.changes }, (_, i) => changeId(ruleId, i + 1)),
    ];
    const results = await executeBulk(
      "Reading the rule's members",
      members,
      ids.map((id): OperationInput => ({ operationType: "Read", id, partitionKey: orgId })),
    );
    // A document missing, or left by another write (one cut short): the caller reads the members.
    const written = (r: BulkResult) => {
      const doc = r.resourceBody as { type?: unknown; version?: unknown } | undefined;
      return r.statusCode === 200 && doc?.type === "groupRuleHolders" && doc.version === ref.version;
    };
    if (!results.every(written)) return null;
    const docs = results.map((r) => r.resourceBody as unknown);
    const partsRead = docs.slice(0, ref.parts) as HoldersPart[];
    const changes = docs.slice(ref.parts) as HoldersChangeDocument[];
    if (partsRead.some((p, i) => p.part !== i) || changes.some((c, i) => c.change !== i + 1)) return null;
    return applyChanges(partsRead, changes);
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
    // What the write before left over: parts past this write's last, and every change appended to it.
    const stale: OperationInput[] = [
      ...Array.from({ length: Math.max(0, (previous?.parts ?? 0) - written.length) }, (_, i) =>
        partId(ruleId, written.length + i),
      ),
      ...Array.from({ length: previous?.changes ?? 0 }, (_, i) => changeId(ruleId, i + 1)),
    ].map((id) => ({ operationType: "Delete", id, partitionKey: orgId }));
    await refuseFailures("Saving the rule's members", await executeBulk("Saving the rule's members", members, stale));
    return { version, parts: written.length, changes: 0, changeBytes: 0 };
  }

  async append(
    orgId: string,
    ruleId: string,
    onto: HoldersIndexRef,
    change: HoldersChange,
  ): Promise<Omit<HoldersIndexRef, "at"> | null> {
    const holders = change.added.map(entry);
    const bytes = [...change.removed, ...holders].reduce((sum, e) => sum + entryBytes(e), 0);
    if (onto.changes >= MAX_CHANGES || onto.changeBytes + bytes > CHANGE_BYTES) return null;
    const members = await this.container();
    const number = onto.changes + 1;
    // An upsert: a change a sync cut short left under this number was never recorded on the rule.
    await storeCall("Saving the rule's members", () =>
      members.items.upsert<HoldersChangeDocument>({
        id: changeId(ruleId, number),
        orgId,
        type: "groupRuleHolders",
        ruleId,
        version: onto.version,
        change: number,
        removed: [...change.removed],
        holders,
      }),
    );
    return { version: onto.version, parts: onto.parts, changes: number, changeBytes: onto.changeBytes + bytes };
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
