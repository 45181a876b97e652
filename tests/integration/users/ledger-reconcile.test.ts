import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { services } from "../../../functions/app/services";
import { CosmosSeatLedgerStore } from "../../../functions/adapters/cosmos/cosmos-seat-ledger-store";
import type { AuditResponse, UsersOverviewResponse } from "../../../functions/contracts/users";
import { ok, setRoles, startUsersStack, type UsersStack } from "./support/users-stack";

/** The hourly timer: a safety net that recounts quiet seat ledgers and moves stranded audit entries. */
let u: UsersStack;
beforeAll(async () => {
  u = await startUsersStack(); // licensed: Priya, Marcus, Liam
});
afterAll(async () => {
  await u?.stack.stop();
});

const seats = async () => (await ok(u.call<UsersOverviewResponse>(u.priya, "GET", "users/overview"))).seats.licensed;

describe("the seat ledger reconcile timer", () => {
  it("recounts a ledger that has drifted once it has been quiet, and leaves a busy one alone", async () => {
    const ledgers = new CosmosSeatLedgerStore(services().db);
    const orgId = u.priya.org.id;
    const drift = async (updatedAt: string) => {
      const ledger = (await ledgers.get(orgId))!;
      await ledgers.replace({ ...ledger.value, counts: { explicit: 40, onDefault: 7 }, updatedAt }, ledger.etag);
    };
    await drift(new Date().toISOString());
    await u.stack.functions.runTimer("seat-ledger-reconcile");
    expect(await seats()).toBe(47); // a request may be in flight: not touched yet

    await drift(new Date(Date.now() - 60 * 60_000).toISOString());
    await u.stack.functions.runTimer("seat-ledger-reconcile");
    expect(await seats()).toBe(3);
    expect((await ledgers.get(orgId))!.value.reconciledAt).not.toBeNull();
  });

  it("moves audit entries waiting in the outbox to the audit trail", async () => {
    await setRoles(u, "Product", ["grace.wright"]);
    await u.stack.functions.runTimer("seat-ledger-reconcile");
    const { resources } = await (
      await services().db.containers()
    ).members.items
      .query({ query: "SELECT * FROM c WHERE c.type = 'auditOutbox'" })
      .fetchAll();
    expect(resources).toEqual([]);
    const { entries } = await ok(u.call<AuditResponse>(u.priya, "GET", "users/audit"));
    expect(entries[0]).toMatchObject({
      changes: [{ user: { displayName: "Grace Wright" }, from: null, to: "Product" }],
    });
  });
});
