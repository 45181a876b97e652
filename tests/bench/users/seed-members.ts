import { randomUUID } from "node:crypto";
import { executeBulk } from "../../../functions/adapters/cosmos/cosmos-bulk";
import { memberDocument } from "../../../functions/adapters/cosmos/cosmos-member-document";
import { CosmosMemberRoster } from "../../../functions/adapters/cosmos/cosmos-member-roster";
import { CosmosSeatLedgerStore } from "../../../functions/adapters/cosmos/cosmos-seat-ledger-store";
import type { MemberRecord } from "../../../functions/domain/member";
import type { AssignedRole } from "../../../functions/domain/roles";
import { chunk } from "../../../functions/domain/chunk";
import { services } from "../../../functions/app/services";

/**
 * Writes `count` member documents straight to the store (what thousands of assignments would
 * leave there, without making the benchmark wait for them), then recounts the seat ledger so
 * the org's seat numbers stay true. Returns the new members' ids.
 */
export async function seedMembers(orgId: string, count: number, role: AssignedRole, prefix: string): Promise<string[]> {
  const s = services();
  const roster = new CosmosMemberRoster(s.db);
  const now = new Date().toISOString();
  const members: MemberRecord[] = Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(6, "0");
    return { orgId, userId: randomUUID(), role, direct: role, grants: [], displayName: `${prefix} ${n}`, email: `${prefix.toLowerCase()}.${n}@fabrikam.example`, uniqueName: `${prefix.toLowerCase()}.${n}@fabrikam.example`, updatedAt: now, updatedBy: "bench" };
  });
  const container = (await s.db.containers()).members;
  for (const part of chunk(members, 5_000)) {
    const results = await executeBulk("Seeding members", container, part.map((member) => ({ operationType: "Create" as const, partitionKey: orgId, resourceBody: memberDocument(member) as unknown as Record<string, never> })));
    const failed = results.filter((r) => r.statusCode >= 400).length;
    if (failed > 0) throw new Error(`${failed} seeded members could not be written.`);
  }
  const ledgers = new CosmosSeatLedgerStore(s.db);
  const ledger = await ledgers.get(orgId);
  if (ledger) await ledgers.replace({ ...ledger.value, counts: await roster.countCategories(orgId) }, ledger.etag);
  return members.map((m) => m.userId);
}
