import { describe, expect, it } from "vitest";
import { ForbiddenError, UpstreamThrottledError } from "../../domain/errors";
import { newOrg, type OrgRecord } from "../../domain/org";
import type { DirectoryGroup, DirectoryUser, OrgDirectory } from "../../ports/org-directory";
import { applyRoleChanges } from "../users/apply-role-changes";
import { sealSecret } from "../users/secret-box";
import { InMemoryUsersWorld } from "../users/test-support/in-memory-users";
import type { UsersDeps } from "../users/users-deps";
import { createRule } from "./create-rule";
import { deleteRule, previewRuleDeletion } from "./delete-rule";
import type { RuleCaller } from "./rule-caller";
import { confirmRemovals } from "./sync-now";
import { syncRule } from "./sync-rule";
import { syncDueRules } from "./sync-timer";

const ORG_ID = "7f075dd3-f821-517e-b68e-ad4ee91705c2";
const GROUP: DirectoryGroup = {
  descriptor: "vssgp.Uy0xLTktZW5naW5lZXJpbmc",
  displayName: "Engineering",
  principalName: "[fabrikam]\\Engineering",
  origin: "vsts",
  description: "",
};
const user = (n: number): DirectoryUser => ({
  id: `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`,
  displayName: `User ${String(n).padStart(3, "0")}`,
  email: `u${n}@fabrikam.example`,
  uniqueName: `u${n}@fabrikam.example`,
});
const users = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => user(from + i));

function subscribed(seats: number): OrgRecord {
  return {
    ...newOrg(ORG_ID, "fabrikam", new Date("2026-10-01T00:00:00Z")),
    subscription: {
      plan: "team",
      status: "active",
      seats,
      billingPeriod: "monthly",
      chargebeeSubscriptionId: "s",
      chargebeeCustomerId: "c",
      currentTermEnd: null,
      nextBillingAt: null,
      resourceVersion: 1,
      updatedAt: "",
    },
  };
}

/** An org with a service account and a group whose members the test changes between syncs. */
function setup(seats: number, members: DirectoryUser[]) {
  const world = new InMemoryUsersWorld(subscribed(seats), () => 0);
  const state = { members, failure: null as Error | null, reads: 0 };
  const directory: Partial<OrgDirectory> = {
    group: async () => GROUP,
    groupMembers: async () => {
      state.reads++;
      if (state.failure) throw state.failure;
      return [...state.members];
    },
  };
  const base = world.deps();
  const deps: UsersDeps = {
    ...base,
    directory: directory as OrgDirectory,
    // Prices are the billing side's (tested there): here a plan without a known price.
    seatCost: { forUsers: async () => null, monthlySaving: async () => null },
    serviceAccounts: {
      get: async (orgId) => ({
        orgId,
        encryptedPat: sealSecret(base.settings.secretsKey, orgId, "service-account-pat"),
        accountId: "svc",
        accountName: "Service",
        savedBy: { id: "a", displayName: "A" },
        savedAt: "",
      }),
      put: async () => undefined,
      delete: async () => undefined,
    },
  };
  const caller: RuleCaller = {
    org: world.org.value,
    actor: { id: "admin", displayName: "Admin" },
    credential: null,
    isPca: true,
    requestId: "request-1",
  };
  return { world, state, deps, caller };
}

describe("a group rule's sync", () => {
  it("refuses a rule that does not fit the free seats, writing nothing", async () => {
    const { world, deps, caller } = setup(3, users(0, 5));
    await expect(createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Team" })).rejects.toMatchObject({
      code: "seat_limit",
      details: { free: 3, needed: 5 },
    });
    expect(world.rules.size).toBe(0);
    expect(world.members.size).toBe(0);
  });

  it("licenses newcomers up to the free seats, lists the rest waiting in order, and seats them when seats free", async () => {
    const { world, state, deps, caller } = setup(3, users(0, 3));
    const created = await createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    expect(created.added).toBe(3);
    state.members = users(0, 5).reverse();
    const grown = await syncRule(deps, caller.org, created.rule.id, { holder: "timer" });
    expect(grown.added).toBe(0);
    expect(grown.rule.sync.waiting.map((w) => w.displayName)).toEqual(["User 003", "User 004"]);
    expect(world.actualLicensed()).toBe(3);

    // User 000 leaves and Aaron joins: the seat goes to the first in line, not to Aaron, sorted before them by name.
    const aaron = { ...user(900), displayName: "Aaron Newcomer" };
    state.members = [aaron, ...users(1, 5)];
    const next = await syncRule(deps, caller.org, created.rule.id, { holder: "timer" });
    expect(next.removed).toBe(1);
    const licensed = [...world.members.values()].filter((m) => m.value.role !== "None").map((m) => m.value.displayName);
    expect(licensed.sort()).toEqual(["User 001", "User 002", "User 003"]);
    expect(next.rule.sync.waiting.map((w) => w.displayName)).toEqual(["User 004", "Aaron Newcomer"]);
    expect(next.rule.sync.waitingCount).toBe(2);
    expect(world.actualLicensed()).toBe(3);
  });

  it("keeps a direct assignment when the member leaves the group, and audits as the rule", async () => {
    const { world, state, deps, caller } = setup(10, users(0, 2));
    await applyRoleChanges(deps, { org: caller.org, actor: caller.actor, surface: "permissions-page" }, [
      { userId: user(0).id, role: "Product", profile: user(0) },
    ]);
    const created = await createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Administrator" });
    expect(world.members.get(user(0).id)!.value).toMatchObject({ direct: "Product", role: "Administrator" });
    state.members = [];
    await syncRule(deps, caller.org, created.rule.id, { holder: "timer" });
    expect(world.members.get(user(0).id)!.value).toMatchObject({ direct: "Product", role: "Product", grants: [] });
    expect(world.members.get(user(1).id)!.value.role).toBe("None");
    const sources = [...world.outbox.values(), ...world.audit].map((e) => `${e.surface}:${e.actor.displayName}`);
    expect(sources).toContain("group-rule:group rule Engineering");
  });

  it("removes nobody when the group cannot be read, says why and since when, and recovers on the next sync", async () => {
    const { world, state, deps, caller } = setup(10, users(0, 4));
    const created = await createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    state.failure = new UpstreamThrottledError("Azure DevOps is throttling.", 30);
    const failed = await syncRule(deps, caller.org, created.rule.id, { holder: "timer" });
    expect(failed.read).toBe(false);
    expect(world.actualLicensed()).toBe(4);
    const since = failed.rule.sync.problem!.since;
    state.failure = new ForbiddenError("denied");
    const again = await syncRule(deps, caller.org, created.rule.id, { holder: "timer" });
    expect(again.rule.sync.problem).toMatchObject({ since });
    expect(again.rule.sync.problem!.message).toContain("service account cannot read this group");
    state.failure = null;
    state.members = users(0, 3);
    const recovered = await syncRule(deps, caller.org, created.rule.id, { holder: "timer" });
    expect(recovered.rule.sync.problem).toBeNull();
    expect(world.actualLicensed()).toBe(3);
  });

  it("holds a large removal until an administrator confirms the number shown", async () => {
    const { world, state, deps, caller } = setup(100, users(0, 40));
    const created = await createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    state.members = users(12, 40);
    const held = await syncRule(deps, caller.org, created.rule.id, { holder: "timer" });
    expect(held.rule.sync.heldRemovals?.count).toBe(12);
    expect(world.actualLicensed()).toBe(40);
    await expect(confirmRemovals(deps, caller, created.rule.id, { count: 11 })).rejects.toThrow(/changed: 12 members/);
    const confirmed = await confirmRemovals(deps, caller, created.rule.id, { count: 12 });
    expect(confirmed.removed).toBe(12);
    expect(confirmed.rule.sync.heldRemovals).toBeNull();
    expect(world.actualLicensed()).toBe(28);
  });

  it("runs one sync of a rule at a time", async () => {
    const { deps, caller } = setup(10, users(0, 2));
    const created = await createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    const rule = (await deps.rules.get(ORG_ID, created.rule.id))!;
    const lease = { holder: "other-instance", until: "2099-01-01T00:00:00Z" };
    await deps.rules.replace({ ...rule.value, sync: { ...rule.value.sync, lease } }, rule.etag);
    await expect(syncRule(deps, caller.org, created.rule.id, { holder: "timer" })).rejects.toThrow(/being synced/);
  });

  it("says who loses their license before deleting, then frees their seats", async () => {
    const { world, deps, caller } = setup(10, users(0, 3));
    await applyRoleChanges(deps, { org: caller.org, actor: caller.actor, surface: "permissions-page" }, [
      { userId: user(0).id, role: "Team", profile: user(0) },
    ]);
    const created = await createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    const preview = await previewRuleDeletion(deps, caller, created.rule.id);
    expect(preview.loseLicense.count).toBe(2);
    expect(preview.keep).toBe(1);
    expect(preview.message).toContain("2 users lose their license");
    expect(preview.impact.seatsNeeded).toBe(-2);
    const deleted = await deleteRule(deps, caller, created.rule.id);
    expect(deleted.removed).toBe(3);
    expect(world.actualLicensed()).toBe(1);
    expect(world.rules.size).toBe(0);
  });

  it("refuses a second rule for the same group and a rule whose group the service account cannot read", async () => {
    const { world, deps, caller } = setup(10, users(0, 2));
    await createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    await expect(createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Product" })).rejects.toThrow(
      /has a rule already/,
    );
    const denied = {
      ...deps,
      directory: { ...deps.directory, groupMembers: () => Promise.reject(new ForbiddenError("no")) },
    };
    world.rules.clear();
    await expect(createRule(denied, caller, { groupDescriptor: GROUP.descriptor, role: "Team" })).rejects.toThrow(
      /service account cannot read this group/,
    );
    expect(world.rules.size).toBe(0);
  });

  it("has the timer sync only rules that are due, and finish a deletion that was cut short", async () => {
    const { world, state, deps, caller } = setup(10, users(0, 2));
    const created = await createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    const log: string[] = [];
    const options = { intervalMs: 15 * 60_000, holder: "timer", log: (m: string) => log.push(m) };
    state.reads = 0;
    expect(await syncDueRules(deps, options)).toMatchObject({ synced: 0 }); // synced just now
    expect(state.reads).toBe(0);
    const later = { ...deps, now: () => new Date(deps.now().getTime() + 16 * 60_000) };
    expect(await syncDueRules(later, options)).toMatchObject({ synced: 1 });
    const rule = world.rules.get(created.rule.id)!;
    world.rules.set(rule.value.id, { value: { ...rule.value, deleting: true }, etag: world.nextEtag() });
    expect(await syncDueRules(deps, options)).toMatchObject({ deletionsFinished: 1 });
    expect(world.rules.size).toBe(0);
    expect(world.actualLicensed()).toBe(0);
    expect(log).toEqual([]);
  });
});
