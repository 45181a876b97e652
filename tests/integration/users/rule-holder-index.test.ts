import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "../../../dev/cosmos/embedded-cosmos";
import { CosmosDatabase } from "../../../functions/adapters/cosmos/cosmos-client";
import { memberDocument } from "../../../functions/adapters/cosmos/cosmos-member-document";
import { CosmosMemberRoster } from "../../../functions/adapters/cosmos/cosmos-member-roster";
import { CosmosRuleHolderIndex } from "../../../functions/adapters/cosmos/cosmos-rule-holder-index";
import type { RuleHolder } from "../../../functions/ports/member-roster";

// The Cosmos adapters behind a rule's sync, on the embedded emulator through @azure/cosmos:
// the holders index (docs/decisions/0010-rule-holders-index.md) and the members read that
// a large first sync makes.
const ORG = "8a1c6d0e-1111-4c4c-9a9a-000000000001";
const OTHER_ORG = "8a1c6d0e-1111-4c4c-9a9a-000000000002";
const RULE = "f".repeat(64);

function holder(i: number, name = `User ${i}`): RuleHolder {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    displayName: name,
    email: `u${i}@fabrikam.example`,
    // Most users sign in with their e-mail address; some do not (a renamed mailbox, a guest).
    uniqueName: i % 3 === 0 ? `FABRIKAM\\user${i}` : `u${i}@fabrikam.example`,
  };
}

/** Holders by user id, as the index answers them. */
const byId = (holders: readonly RuleHolder[]) => new Map(holders.map((h) => [h.id, h]));

describe("Cosmos adapters of a rule's sync", () => {
  let cosmos: EmbeddedCosmos;
  let db: CosmosDatabase;
  let index: CosmosRuleHolderIndex;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
    db = new CosmosDatabase({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      database: "holders",
      allowSelfSignedCertificate: true,
    });
    index = new CosmosRuleHolderIndex(db);
  });

  afterAll(async () => {
    db?.dispose();
    await cosmos?.stop();
  });

  const parts = async (orgId: string) => {
    const { members } = await db.containers();
    const { resources } = await members.items
      .query<{ id: string; version: string }>({
        query: "SELECT c.id, c.version FROM c WHERE c.orgId = @orgId AND c.type = 'groupRuleHolders'",
        parameters: [{ name: "@orgId", value: orgId }],
      })
      .fetchAll();
    return resources.sort((a, b) => a.id.localeCompare(b.id));
  };

  it("keeps 20,000 holders in parts under 2 MB each and reads back exactly what was written", async () => {
    // Long non-ASCII names: a part is cut by bytes, not characters.
    const holders = Array.from({ length: 20_000 }, (_, i) => holder(i, `${"Ærøskøbing-Łódź ".repeat(8)}${i}`));
    const ref = await index.write(ORG, RULE, holders, "v1", null);
    expect(ref.parts).toBeGreaterThan(1);
    const { members } = await db.containers();
    for (const { id } of await parts(ORG)) {
      const { resource } = await members.item(id, ORG).read<Record<string, unknown>>();
      expect(Buffer.byteLength(JSON.stringify(resource))).toBeLessThan(2 * 1024 * 1024);
    }
    expect(await index.read(ORG, RULE, { ...ref, at: "" })).toEqual(byId(holders));
  });

  it("answers null for a write it was not told of (a part from another write, or missing), and never another org's", async () => {
    const first = await index.write(ORG, RULE, [holder(1), holder(2)], "v2", null);
    const none = { at: "", changes: 0, changeBytes: 0 };
    expect(await index.read(ORG, RULE, { ...none, version: "v1", parts: first.parts })).toBeNull();
    expect(await index.read(ORG, RULE, { ...none, version: "v2", parts: first.parts + 1 })).toBeNull();
    expect(await index.read(ORG, RULE, { ...first, at: "", changes: 1 })).toBeNull(); // a change never appended
    expect(await index.read(OTHER_ORG, RULE, { ...first, at: "" })).toBeNull();
    expect(await index.read(ORG, RULE, { ...first, at: "" })).toEqual(byId([holder(1), holder(2)]));
  });

  it("appends a sync's change in one small document, read on top of the parts in the order appended", async () => {
    const rule = "a".repeat(64);
    const base = { ...(await index.write(ORG, rule, [holder(1), holder(2), holder(3)], "v10", null)), at: "" };
    const once = await index.append(ORG, rule, base, { removed: [holder(1).id], added: [holder(4)] });
    expect(once).toMatchObject({ version: "v10", parts: base.parts, changes: 1 });
    const twice = await index.append(
      ORG,
      rule,
      { ...once!, at: "" },
      { removed: [holder(4).id], added: [holder(5, "Renamed")] },
    );
    expect(await index.read(ORG, rule, { ...once!, at: "" })).toEqual(byId([holder(2), holder(3), holder(4)]));
    expect(await index.read(ORG, rule, { ...twice!, at: "" })).toEqual(
      byId([holder(2), holder(3), holder(5, "Renamed")]),
    );
    // The parts were written once: an append is one document of the change alone.
    const docs = (await parts(ORG)).filter((d) => d.id.startsWith(rule));
    expect(docs).toEqual([
      { id: `${rule}.holders.0`, version: "v10" },
      { id: `${rule}.holders.change.1`, version: "v10" },
      { id: `${rule}.holders.change.2`, version: "v10" },
    ]);

    // A change a sync cut short left is replaced by the next append under its number, never read on top.
    const again = await index.append(ORG, rule, { ...once!, at: "" }, { removed: [], added: [holder(6)] });
    expect(await index.read(ORG, rule, { ...again!, at: "" })).toEqual(
      byId([holder(2), holder(3), holder(4), holder(6)]),
    );

    // A full write under a new version removes the changes of the one before.
    await index.write(ORG, rule, [holder(9)], "v11", { ...twice!, at: "" });
    expect((await parts(ORG)).filter((d) => d.id.startsWith(rule))).toEqual([
      { id: `${rule}.holders.0`, version: "v11" },
    ]);
    await index.delete(ORG, rule);
  });

  it("answers null instead of appending when the changes would grow past a part, or past sixteen documents", async () => {
    const rule = "b".repeat(64);
    const base = { ...(await index.write(ORG, rule, [holder(1)], "v20", null)), at: "" };
    const large = Array.from({ length: 20_000 }, (_, i) => holder(i, "x".repeat(60)));
    expect(await index.append(ORG, rule, base, { removed: [], added: large })).toBeNull();
    let ref = base;
    for (let i = 0; i < 16; i++)
      ref = { ...(await index.append(ORG, rule, ref, { removed: [], added: [holder(100 + i)] }))!, at: "" };
    expect(ref.changes).toBe(16);
    expect(await index.append(ORG, rule, ref, { removed: [], added: [holder(200)] })).toBeNull();
    expect(await index.read(ORG, rule, ref)).toHaveProperty("size", 17);
    await index.delete(ORG, rule);
    expect((await parts(ORG)).filter((d) => d.id.startsWith(rule))).toEqual([]);
  });

  it("removes the parts an earlier, larger write left, and deletes every part with the rule", async () => {
    const large = await index.write(
      ORG,
      RULE,
      Array.from({ length: 20_000 }, (_, i) => holder(i, "x".repeat(200))),
      "v3",
      null,
    );
    expect(large.parts).toBeGreaterThan(2);
    const small = await index.write(ORG, RULE, [holder(7)], "v4", { ...large, at: "" });
    expect(small.parts).toBe(1);
    expect(await parts(ORG)).toEqual([{ id: `${RULE}.holders.0`, version: "v4" }]);
    await index.write(OTHER_ORG, RULE, [holder(8)], "v5", null);

    await index.delete(ORG, RULE);
    expect(await parts(ORG)).toEqual([]);
    expect(await parts(OTHER_ORG)).toHaveLength(1); // another org's rule of the same group keeps its own
  });

  it("reads a large request's members out of one query of the org when the org has fewer records, with their etags", async () => {
    const roster = new CosmosMemberRoster(db);
    const { members } = await db.containers();
    const existing = [holder(3), holder(1_500)].map((h) => ({
      orgId: ORG,
      userId: h.id,
      role: "Product" as const,
      direct: "Product" as const,
      grants: [],
      displayName: h.displayName,
      email: h.email,
      uniqueName: h.uniqueName,
      updatedAt: "2026-12-01T00:00:00.000Z",
      updatedBy: "test",
    }));
    const etags = new Map<string, string>();
    for (const m of existing) etags.set(m.userId, (await members.items.upsert(memberDocument(m))).etag);
    await members.items.upsert(memberDocument({ ...existing[0], orgId: OTHER_ORG, userId: holder(4).id }));

    const asked = Array.from({ length: 2_000 }, (_, i) => holder(i).id);
    const pointReads = vi.spyOn(members.items, "bulk");
    const found = await roster.readMany(ORG, asked);
    expect(pointReads).not.toHaveBeenCalled();
    expect([...found.keys()].sort()).toEqual(existing.map((m) => m.userId).sort());
    for (const m of existing) expect(found.get(m.userId)).toEqual({ value: m, etag: etags.get(m.userId) });
    // The same answer as point reads give for a small request.
    expect(await roster.readMany(ORG, [existing[0].userId, holder(4).id])).toEqual(
      new Map([[existing[0].userId, found.get(existing[0].userId)]]),
    );
    expect(pointReads).toHaveBeenCalledTimes(1);
    pointReads.mockRestore();
  });
});
