import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendStack, type BackendStack } from "../../../dev/stack";
import { CosmosDatabase } from "../../../functions/adapters/cosmos/cosmos-client";
import { services } from "../../../functions/app/services";
import type { MeResponse } from "../../../functions/contracts/me";
import { RECENT_READ_MS } from "../../../functions/ports/org-store";
import { api, signIn, type SignedIn } from "../support/sign-in";

/**
 * GET requests may decide access on this instance's copy of the org and the caller's role
 * (a page makes many of them); these tests pin down what that may and may not cost.
 */
let stack: BackendStack;
let priya: SignedIn;
let marcus: SignedIn;

const role = async (who: SignedIn) => (await api<MeResponse>(stack, who, "GET", "me")).body.role;

beforeAll(async () => {
  stack = await startBackendStack({ ports: "random" });
  priya = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
  marcus = await signIn(stack, "fabrikam", "marcus.johnson@fabrikam.example");
  await role(priya); // the first user: Administrator, the trial starts
});
afterAll(async () => {
  await stack?.stop();
});

describe("a change of role", () => {
  it("made here applies to the user's very next request, reads included", async () => {
    expect(await role(marcus)).toMatchObject({ effective: "Team" });
    expect((await api(stack, marcus, "GET", "timer")).status).toBe(200);

    const assigned = await api(stack, priya, "POST", "users/roles", { role: "None", userIds: [marcus.user.id] });
    expect(assigned.status).toBe(200);
    expect(await role(marcus)).toMatchObject({ assigned: "None", effective: "None" });
    expect((await api(stack, marcus, "GET", "timer")).status).toBe(403);

    expect(
      (await api(stack, priya, "POST", "users/roles", { role: "Product", userIds: [marcus.user.id] })).status,
    ).toBe(200);
    expect(await role(marcus)).toMatchObject({ assigned: "Product", effective: "Product" });
  });

  it("made by another instance applies at once to anything that writes, and to reads within RECENT_READ_MS", async () => {
    expect(await role(marcus)).toMatchObject({ effective: "Product" }); // this instance now holds a copy
    // Another Functions instance: its own client and its own record of writes, the same store.
    // (Its member write alone stands for the change, written straight to the store; the
    // document is put back below, so the seat ledger never disagrees for long.)
    const elsewhere = new CosmosDatabase(services().config.cosmos);
    const { members } = await elsewhere.containers();
    const member = members.item(marcus.user.id, marcus.org.id);
    const { resource: before } = await member.read<Record<string, unknown>>();
    if (!before) throw new Error("Marcus has no member document to change.");
    try {
      await member.replace({ ...before, role: "None", direct: "None", updatedAt: new Date().toISOString() });

      const start = await api(stack, marcus, "POST", "timer/start", { workItemId: 3 });
      expect(start).toMatchObject({
        status: 403,
        body: { error: { message: expect.stringMatching(/don't have access to Timetracker/) } },
      });

      await new Promise((resolve) => setTimeout(resolve, RECENT_READ_MS));
      expect(await role(marcus)).toMatchObject({ assigned: "None", effective: "None" });
      expect((await api(stack, marcus, "GET", "timer")).status).toBe(403);
      await member.replace(before);
    } finally {
      elsewhere.dispose();
    }
  });
});

describe("the store", () => {
  it("is still required by anything that writes while reads are answered from a copy", async () => {
    await role(priya);
    const store = stack.cosmos;
    if (!store) throw new Error("This test stops the embedded store; run it without COSMOS_ENDPOINT.");
    await store.suspend();
    try {
      const me = await api<MeResponse>(stack, priya, "GET", "me");
      expect(me).toMatchObject({ status: 200, body: { role: { effective: "Administrator" } } });
      const write = await api(stack, priya, "PATCH", "time-settings", { preventTimeOnClosedItems: true });
      expect(write.status).toBe(503);
    } finally {
      await store.resume();
    }
  });
});
