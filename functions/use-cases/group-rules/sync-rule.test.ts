import { describe, expect, it } from "vitest";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  SeatLimitError,
  UpstreamThrottledError,
  ValidationError,
} from "../../domain/errors";
import type { GroupRuleRecord } from "../../domain/group-rule";
import type { OrgRecord } from "../../domain/org";
import type { DirectoryCredential, DirectoryGroup, DirectoryUser, OrgDirectory } from "../../ports/org-directory";
import { applyRoleChanges } from "../users/apply-role-changes";
import { sealSecret } from "../users/secret-box";
import { InMemoryUsersWorld } from "../users/test-support/in-memory-users";
import { subscribedOrg } from "../users/test-support/subscribed-org";
import type { UsersDeps } from "../users/users-deps";
import { createRule } from "./create-rule";
import { deleteRule, previewRuleDeletion } from "./delete-rule";
import { previewRule } from "./preview-rule";
import type { RuleCaller } from "./rule-caller";
import { confirmRemovals } from "./sync-now";
import { ruleViewContext } from "./rule-views";
import { syncResponse } from "./sync-response";
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

const subscribed = (seats: number): OrgRecord => subscribedOrg(seats, { plan: "team" });

/** An org with a service account and a group whose members the test changes between syncs. */
function setup(seats: number, members: DirectoryUser[]) {
  const world = new InMemoryUsersWorld(subscribed(seats), () => 0);
  const state = { members, failure: null as Error | null, reads: 0 };
  const directory: Partial<OrgDirectory> = {
    group: async () => GROUP,
    groupMembers: async () => {
      state.reads++;
      if (state.failure) throw state.failure;
      return new Map(state.members.map((u) => [u.id, u]));
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
    deployment: "services",
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
    const views = await ruleViewContext(deps, caller.org);
    const answer = syncResponse(next, views);
    expect(answer.message).toBe("1 member got the rule's role, 1 lost it. 2 members wait for a seat.");
    expect(syncResponse(grown, views).message).toBe("Nobody's role changed. 2 members wait for a seat.");
    // Where to add the 2 seats the waiting members need: the Subscription page for 5 users.
    expect(answer.rule.sync.addSeats).toEqual({
      seatsMissing: 2,
      usersNeeded: 5,
      subscriptionUrl: expect.stringMatching(/timetracker-subscription-hub\?users=5$/),
    });
  });

  it("keeps the seats of a rule's whole first sync: a change racing it between two batches cannot take them", async () => {
    const { world, deps, caller } = setup(200, users(0, 200));
    const admin = {
      org: caller.org,
      actor: { id: "other-admin", displayName: "Other" },
      surface: "permissions-page",
    } as const;
    const direct = users(900, 905);
    const commit = deps.commits.commit.bind(deps.commits);
    let batches = 0;
    let racing: Promise<unknown> = Promise.resolve();
    const racingDeps: UsersDeps = {
      ...deps,
      commits: {
        ...deps.commits,
        commit: async (orgId, change) => {
          // Another administrator licenses 5 people between the rule's first and second batch.
          if (++batches === 2)
            racing = applyRoleChanges(
              deps,
              admin,
              direct.map((u) => ({ userId: u.id, role: "Team" as const, profile: u })),
            ).catch((error: unknown) => error);
          await racing;
          return commit(orgId, change);
        },
      },
    };
    const created = await createRule(racingDeps, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    // The first batch held the seats the other 102 needed: the whole group is licensed, and
    // the racing change was refused with the seat limit, writing nothing.
    expect(created.added).toBe(200);
    expect(created.rule.sync.waiting.count).toBe(0);
    expect(await racing).toBeInstanceOf(SeatLimitError);
    expect((await racing) as Error).toHaveProperty(
      "message",
      expect.stringContaining("this change needs 5 more licensed users, but only 0 seats are free"),
    );
    expect(world.actualLicensed()).toBe(200);
    expect(direct.every((u) => !world.members.has(u.id))).toBe(true);
    // Nothing stays held once the sync is done: freeing a seat lets the next change take it.
    expect((await deps.ledgers.get(caller.org.id))!.value.holds).toEqual([]);
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
    state.failure = new NotFoundError("Azure DevOps could not find it.");
    const deletedGroup = await syncRule(deps, caller.org, created.rule.id, { holder: "timer" });
    expect(deletedGroup.rule.sync.problem).toEqual({
      since,
      message: "The group no longer exists in Azure DevOps. Delete the rule, or create the group again.",
    });
    const withoutAccount = await syncRule(
      { ...deps, serviceAccounts: { ...deps.serviceAccounts, get: async () => null } },
      caller.org,
      created.rule.id,
      { holder: "timer" },
    );
    expect(withoutAccount.rule.sync.problem).toEqual({
      since,
      message:
        "Group rules read their groups with the organization's service account, and none is saved: a Project Collection Administrator saves one under Timetracker Permissions › Service account (or in Timetracker Settings).",
    });
    expect(world.actualLicensed()).toBe(4);
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
    expect(preview.message).toBe("2 users lose their license and become None.");
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

  it("refuses a rule from the page for a group the user cannot see with their own token, writing nothing", async () => {
    const { world, state, deps, caller } = setup(10, users(0, 2));
    const user = { ...caller, credential: { kind: "bearer" as const, token: "user-token" } };
    // The service account reads every group; the user's own token does not find this one.
    const hidden = {
      ...deps,
      directory: {
        ...deps.directory,
        group: async (_org: string, credential: DirectoryCredential) => (credential.kind === "bearer" ? null : GROUP),
      },
    };
    await expect(createRule(hidden, user, { groupDescriptor: GROUP.descriptor, role: "Team" })).rejects.toThrow(
      "Azure DevOps has no such group, or the account reading it cannot see it. Search for the group again.",
    );
    expect(world.rules.size).toBe(0);
    expect(world.members.size).toBe(0);
    expect(state.reads).toBe(1); // read with the service account at the same time, then nothing written
    const created = await createRule(deps, user, { groupDescriptor: GROUP.descriptor, role: "Team" });
    expect(created.added).toBe(2);
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

  it("keeps the timer away from a rule being created, so its first sync stays all or nothing", async () => {
    const { world, deps, caller } = setup(3, users(0, 5)); // 5 members, 3 seats
    const options = { intervalMs: 15 * 60_000, holder: "timer", log: () => undefined };
    let timer: Awaited<ReturnType<typeof syncDueRules>> | undefined;
    const racing = {
      ...deps,
      rules: {
        ...deps.rules,
        create: async (rule: GroupRuleRecord) => {
          const saved = await deps.rules.create(rule);
          timer = await syncDueRules(deps, options); // a timer pass right after the rule is saved
          return saved;
        },
      },
    };
    await expect(createRule(racing, caller, { groupDescriptor: GROUP.descriptor, role: "Team" })).rejects.toMatchObject(
      {
        code: "seat_limit",
      },
    );
    expect(timer).toMatchObject({ synced: 0, skipped: 1 });
    expect(world.actualLicensed()).toBe(0);
    expect(world.rules.size).toBe(0);
  });

  it("has the timer seat a waiting member as soon as a seat frees, not an interval later", async () => {
    const { world, state, deps, caller } = setup(3, users(0, 2));
    const direct = { org: caller.org, actor: caller.actor, surface: "permissions-page" as const };
    await applyRoleChanges(deps, direct, [{ userId: user(900).id, role: "Team", profile: user(900) }]);
    const created = await createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    state.members = users(0, 3);
    const full = await syncRule(deps, caller.org, created.rule.id, { holder: "timer" });
    expect(full.rule.sync.waiting.map((w) => w.displayName)).toEqual(["User 002"]);

    const options = { intervalMs: 15 * 60_000, holder: "timer", log: () => undefined };
    const minuteLater = { ...deps, now: () => new Date(deps.now().getTime() + 60_000) };
    expect(await syncDueRules(minuteLater, options)).toMatchObject({ synced: 0 }); // no seat is free
    await applyRoleChanges(deps, direct, [{ userId: user(900).id, role: "None" }]);
    expect(await syncDueRules(minuteLater, options)).toMatchObject({ synced: 1 });
    expect(world.members.get(user(2).id)!.value.role).toBe("Team");
    expect(world.rules.get(created.rule.id)!.value.sync.waitingCount).toBe(0);
    expect(world.actualLicensed()).toBe(3);
  });

  it("refuses a 101st rule and a group above 50,000 users, saying the limits, and writes nothing", async () => {
    const { world, deps, caller } = setup(10, users(0, 2));
    await createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    const template = [...world.rules.values()][0].value;
    for (let i = 1; i < 100; i++)
      world.rules.set(`rule-${i}`, { value: { ...template, id: `rule-${i}` }, etag: world.nextEtag() });
    const other = { groupDescriptor: "vssgp.Uy0xLTktb3RoZXI", role: "Team" as const };
    await expect(createRule(deps, caller, other)).rejects.toThrow(/at most 100 group rules/);
    // At 99 rules, another administrator's rule lands between the check and this create.
    world.rules.delete("rule-99");
    const racing = {
      ...deps,
      rules: {
        ...deps.rules,
        create: async (rule: GroupRuleRecord) => {
          world.rules.set("racer", { value: { ...template, id: "racer" }, etag: world.nextEtag() });
          return deps.rules.create(rule);
        },
      },
    };
    const licensedBefore = world.actualLicensed();
    await expect(createRule(racing, caller, other)).rejects.toThrow(/at the same moment.*at most 100/);
    expect(world.rules.size).toBe(100);
    expect(world.actualLicensed()).toBe(licensedBefore);
    world.rules.clear();
    const huge = {
      ...deps,
      directory: {
        ...deps.directory,
        groupMembers: () =>
          Promise.reject(
            new ValidationError(
              "This group is too large for a group rule (more than 50,000 users). Pick a smaller group.",
            ),
          ),
      },
    };
    const membersBefore = [...world.members.values()].map((m) => m.etag);
    await expect(createRule(huge, caller, other)).rejects.toThrow(/50,000 users/);
    expect(world.rules.size).toBe(0);
    expect([...world.members.values()].map((m) => m.etag)).toEqual(membersBefore);
  });
});

/**
 * A store that throttles: each transactional batch takes six minutes of the clock, so a sync of
 * three batches outlasts its 15-minute lease. `during(n)` runs as the n-th batch is written.
 */
function throttledStore(base: UsersDeps, during: (batch: number) => Promise<void> = async () => undefined) {
  let now = Date.parse("2026-11-10T01:00:00Z");
  const deps: UsersDeps = { ...base, now: () => new Date(now) };
  const commit = deps.commits.commit.bind(deps.commits);
  const written = { batches: 0 };
  deps.commits.commit = async (orgId, change) => {
    now += 6 * 60_000;
    await during(written.batches + 1);
    const result = await commit(orgId, change);
    written.batches++;
    return result;
  };
  return { deps, written };
}

describe("a sync that runs longer than its lease", () => {
  it("keeps the lease, so no other instance syncs the rule meanwhile", async () => {
    const { world, state, deps: base, caller } = setup(1000, users(0, 2));
    const created = await createRule(base, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    const competitor: Array<"refused" | "ran"> = [];
    const { deps } = throttledStore(base, async (batch) => {
      if (batch !== 3) return;
      // Another timer instance finds the rule 18 minutes into the sync, while it still writes.
      competitor.push(
        await syncRule(deps, caller.org, created.rule.id, { holder: "other-instance" }).then(
          () => "ran" as const,
          (error: unknown) =>
            error instanceof ConflictError && /being synced/.test(error.message) ? "refused" : "ran",
        ),
      );
    });
    state.members = users(0, 250);
    const synced = await syncRule(deps, caller.org, created.rule.id, { holder: "timer" });
    expect(synced.added).toBe(248);
    expect(competitor).toEqual(["refused"]);
    // It finished as the rule's only sync: its lease given back, untainted, and its holders index kept.
    expect(world.rules.get(created.rule.id)!.value.sync).toMatchObject({ lease: null, holders: 250 });
    expect(world.rules.get(created.rule.id)!.value.sync.holdersIndex).not.toBeNull();
  });

  it("stops writing when another sync took the rule over, and leaves the work to it", async () => {
    const { world, state, deps: base, caller } = setup(1000, users(0, 2));
    const created = await createRule(base, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    const other = { holder: "other-instance", until: "2026-11-10T02:00:00.000Z" };
    const { deps, written } = throttledStore(base, async (batch) => {
      if (batch !== 2) return;
      // Say this sync's lease ran out unseen (a stalled instance): another took the rule.
      const rule = world.rules.get(created.rule.id)!;
      world.rules.set(rule.value.id, {
        value: { ...rule.value, sync: { ...rule.value.sync, lease: other } },
        etag: world.nextEtag(),
      });
    });
    state.members = users(0, 250);
    await expect(syncRule(deps, caller.org, created.rule.id, { holder: "timer" })).rejects.toThrow(
      /another sync took the rule over/,
    );
    expect(written.batches).toBe(2); // none after the other sync took the rule
    expect(world.rules.get(created.rule.id)!.value.sync).toMatchObject({
      lease: { ...other, tainted: true },
      holdersIndex: null,
    });
  });

  it("stops writing when the rule is being deleted", async () => {
    const { world, state, deps: base, caller } = setup(1000, users(0, 2));
    const created = await createRule(base, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    const { deps, written } = throttledStore(base, async (batch) => {
      if (batch !== 2) return;
      const rule = world.rules.get(created.rule.id)!;
      world.rules.set(rule.value.id, { value: { ...rule.value, deleting: true }, etag: world.nextEtag() });
    });
    state.members = users(0, 250);
    await expect(syncRule(deps, caller.org, created.rule.id, { holder: "timer" })).rejects.toThrow(
      /deleted while it was being synced/,
    );
    expect(written.batches).toBe(2);
    expect(world.rules.get(created.rule.id)!.value).toMatchObject({ deleting: true });
  });

  it("goes on when extending the lease fails once, and extends it at the next batch", async () => {
    const { world, state, deps: base, caller } = setup(1000, users(0, 2));
    const created = await createRule(base, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    // The rule's next write after the first batch (the first renewal) fails as a timeout would.
    let failNext = false;
    const { deps } = throttledStore(base, async (batch) => {
      if (batch === 1) failNext = true;
    });
    const replace = deps.rules.replace.bind(deps.rules);
    let failures = 0;
    deps.rules = {
      ...deps.rules,
      replace: async (rule, etag) => {
        if (failNext) {
          failNext = false;
          failures++;
          throw new Error("The store did not answer in time.");
        }
        return replace(rule, etag);
      },
    };
    state.members = users(0, 250);
    const synced = await syncRule(deps, caller.org, created.rule.id, { holder: "timer" });
    expect(synced.added).toBe(248);
    expect(failures).toBe(1);
    expect(world.warnings.some((w) => /could not extend its lease/.test(w))).toBe(true);
    expect(world.rules.get(created.rule.id)!.value.sync).toMatchObject({ lease: null, holders: 250 });
    expect(world.rules.get(created.rule.id)!.value.sync.holdersIndex).not.toBeNull();
  });
});

describe("group rules on Azure DevOps Server", () => {
  it("are refused before any group is read, with what to do instead, and nothing is written", async () => {
    const { world, deps, caller } = setup(10, users(0, 2));
    const read: string[] = [];
    const watched = {
      ...deps,
      directory: {
        ...deps.directory,
        group: (...args: Parameters<typeof deps.directory.group>) => (
          read.push("group"),
          deps.directory.group(...args)
        ),
      },
    };
    const onServer = { ...caller, deployment: "server" as const };
    const request = { groupDescriptor: GROUP.descriptor, role: "Team" as const };
    for (const attempt of [previewRule, createRule]) {
      const refused = attempt(watched, onServer, request);
      await expect(refused).rejects.toBeInstanceOf(ConflictError);
      await expect(refused).rejects.toThrow(
        /^Group rules need Azure DevOps Services.*add users by their e-mail address/,
      );
    }
    expect(read).toEqual([]);
    expect(world.rules.size).toBe(0);
    expect(world.actualLicensed()).toBe(0);
  });
});

describe("a rule's holders index", () => {
  /** Counts the syncs that read the holders from the members instead of the index. */
  function counting(deps: UsersDeps) {
    const counts = { memberQueries: 0 };
    const roster = {
      ...deps.roster,
      ruleHolders: (orgId: string, ruleId: string) => {
        counts.memberQueries++;
        return deps.roster.ruleHolders(orgId, ruleId);
      },
    };
    return { deps: { ...deps, roster }, counts };
  }
  const licensedNames = (world: InMemoryUsersWorld) =>
    [...world.members.values()]
      .filter((m) => m.value.role !== "None")
      .map((m) => m.value.displayName)
      .sort();

  it("is what the next sync reads, and follows a swap of as many leaving as joining", async () => {
    const setUp = setup(10, users(0, 4));
    const { deps, counts } = counting(setUp.deps);
    const created = await createRule(deps, setUp.caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    expect(counts.memberQueries).toBe(1); // the first sync has no index yet

    setUp.state.members = [...users(2, 4), ...users(10, 12)]; // 0 and 1 leave, 10 and 11 join
    const swapped = await syncRule(deps, setUp.caller.org, created.rule.id, { holder: "timer" });
    expect(swapped).toMatchObject({ added: 2, removed: 2 });
    expect(counts.memberQueries).toBe(1);

    setUp.state.members = users(2, 4); // the newcomers leave again: only a rewritten index knows they hold the part
    const back = await syncRule(deps, setUp.caller.org, created.rule.id, { holder: "timer" });
    expect(back).toMatchObject({ added: 0, removed: 2 });
    expect(licensedNames(setUp.world)).toEqual(["User 002", "User 003"]);
    expect(back.rule.sync.holders).toBe(2);
    expect(counts.memberQueries).toBe(1);
  });

  it("gets each sync's change appended, keeps the time of its full write, and is written anew when the changes grow", async () => {
    const setUp = setup(10, users(0, 4));
    const { deps, counts } = counting(setUp.deps);
    const created = await createRule(deps, setUp.caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    const first = setUp.world.rules.get(created.rule.id)!.value.sync.holdersIndex!;
    expect(first).toMatchObject({ changes: 0 });
    const fullWrites = () => setUp.world.holderIndex.get(created.rule.id)!.version;

    const later = (minutes: number) => ({ ...deps, now: () => new Date(deps.now().getTime() + minutes * 60_000) });
    setUp.state.members = users(1, 5); // 0 leaves, 4 joins
    await syncRule(later(15), setUp.caller.org, created.rule.id, { holder: "timer" });
    const appended = setUp.world.rules.get(created.rule.id)!.value.sync.holdersIndex!;
    expect(appended).toMatchObject({ version: first.version, changes: 1, at: first.at });
    expect(setUp.world.holderIndex.get(created.rule.id)!.holders.map((h) => h.displayName)).toEqual(
      users(0, 4).map((u) => u.displayName),
    ); // the parts as first written: the change sits beside them

    setUp.state.members = users(2, 6);
    await syncRule(later(30), setUp.caller.org, created.rule.id, { holder: "timer" });
    expect(setUp.world.rules.get(created.rule.id)!.value.sync.holdersIndex).toMatchObject({ changes: 2 });

    // The in-memory index keeps two changes: the third change writes every holder anew.
    setUp.state.members = users(3, 7);
    const third = await syncRule(later(45), setUp.caller.org, created.rule.id, { holder: "timer" });
    expect(third).toMatchObject({ added: 1, removed: 1 });
    const rewritten = setUp.world.rules.get(created.rule.id)!.value.sync.holdersIndex!;
    expect(rewritten).toMatchObject({ changes: 0 });
    expect(rewritten.version).not.toBe(first.version);
    expect(fullWrites()).toBe(rewritten.version);
    expect(rewritten.at).not.toBe(first.at);

    // What each sync read was the parts with their changes: nobody was read from the members again.
    setUp.state.members = users(3, 6);
    expect(await syncRule(later(60), setUp.caller.org, created.rule.id, { holder: "timer" })).toMatchObject({
      removed: 1,
    });
    expect(licensedNames(setUp.world)).toEqual(["User 003", "User 004", "User 005"]);
    expect(counts.memberQueries).toBe(1);
  });

  it("hands the group read the rule's holders by user id, so only newcomers are looked up", async () => {
    const setUp = setup(10, users(0, 3));
    const handed: string[][] = [];
    const groupMembers = setUp.deps.directory.groupMembers.bind(setUp.deps.directory);
    const deps: UsersDeps = {
      ...setUp.deps,
      directory: {
        ...setUp.deps.directory,
        groupMembers: async (org, credential, group, known) => {
          handed.push([...((await known)?.keys() ?? [])].sort());
          return groupMembers(org, credential, group, known);
        },
      },
    };
    const created = await createRule(deps, setUp.caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    await syncRule(deps, setUp.caller.org, created.rule.id, { holder: "timer" });
    expect(handed.at(-1)).toEqual(
      users(0, 3)
        .map((u) => u.id)
        .sort(),
    );
  });

  it("is not trusted after a sync that was cut short (its lease is still on the rule), nor after a day", async () => {
    const setUp = setup(10, users(0, 3));
    const { deps, counts } = counting(setUp.deps);
    const created = await createRule(deps, setUp.caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    // The index loses a holder, as if a sync had licensed User 000 and stopped before writing it.
    const written = setUp.world.holderIndex.get(created.rule.id)!;
    setUp.world.holderIndex.set(created.rule.id, { ...written, holders: written.holders.slice(1) });
    const rule = setUp.world.rules.get(created.rule.id)!;
    const lease = { holder: "crashed-instance", until: "2026-11-09T23:00:00.000Z" };
    setUp.world.rules.set(rule.value.id, {
      value: { ...rule.value, sync: { ...rule.value.sync, lease } },
      etag: setUp.world.nextEtag(),
    });
    setUp.state.members = users(1, 3);
    const afterCrash = await syncRule(deps, setUp.caller.org, created.rule.id, { holder: "timer" });
    expect(counts.memberQueries).toBe(2);
    expect(afterCrash.removed).toBe(1);
    expect(licensedNames(setUp.world)).toEqual(["User 001", "User 002"]);

    // A day later the index is read from the members again, whatever it says.
    const index = setUp.world.holderIndex.get(created.rule.id)!;
    setUp.world.holderIndex.set(created.rule.id, { ...index, holders: [] });
    const tomorrow = { ...deps, now: () => new Date(deps.now().getTime() + 24 * 60 * 60_000 + 1) };
    setUp.state.members = users(2, 3);
    const nextDay = await syncRule(tomorrow, setUp.caller.org, created.rule.id, { holder: "timer" });
    expect(counts.memberQueries).toBe(3);
    expect(nextDay.removed).toBe(1);
    expect(licensedNames(setUp.world)).toEqual(["User 002"]);
  });

  it("is not kept when another sync took the rule while this one ran, nor by that other sync", async () => {
    const setUp = setup(10, users(0, 3));
    const { deps, counts } = counting(setUp.deps);
    const created = await createRule(deps, setUp.caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    // While this sync reads the group, its lease runs out and another instance takes the rule.
    const other = { holder: "other-instance", until: "2026-11-10T00:30:00.000Z" };
    const takeOver = async () => {
      const rule = setUp.world.rules.get(created.rule.id)!;
      setUp.world.rules.set(rule.value.id, {
        value: { ...rule.value, sync: { ...rule.value.sync, lease: other } },
        etag: setUp.world.nextEtag(),
      });
      return new Map(users(0, 4).map((u) => [u.id, u]));
    };
    const overlapping = { ...deps, directory: { ...deps.directory, groupMembers: takeOver } };
    await syncRule(overlapping, setUp.caller.org, created.rule.id, { holder: "timer" });
    const afterFirst = setUp.world.rules.get(created.rule.id)!.value.sync;
    expect(afterFirst.lease).toEqual({ ...other, tainted: true });
    expect(afterFirst.holdersIndex).toBeNull();

    setUp.state.members = users(0, 4);
    await syncRule(deps, setUp.caller.org, created.rule.id, { holder: "other-instance" });
    expect(setUp.world.rules.get(created.rule.id)!.value.sync).toMatchObject({ lease: null, holdersIndex: null });
    const queriesBefore = counts.memberQueries;
    await syncRule(deps, setUp.caller.org, created.rule.id, { holder: "timer" });
    expect(counts.memberQueries).toBe(queriesBefore + 1); // read from the members, then indexed again
    expect(setUp.world.rules.get(created.rule.id)!.value.sync.holdersIndex).not.toBeNull();
  });

  it("is written again when it could not be read, instead of being tried on every sync", async () => {
    const setUp = setup(10, users(0, 2));
    const { deps, counts } = counting(setUp.deps);
    const created = await createRule(deps, setUp.caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    setUp.world.holderIndex.delete(created.rule.id); // a part went missing
    await syncRule(deps, setUp.caller.org, created.rule.id, { holder: "timer" });
    await syncRule(deps, setUp.caller.org, created.rule.id, { holder: "timer" });
    expect(counts.memberQueries).toBe(2); // the first sync, and the one that found no index
  });

  it("failing to save does not fail the sync, which is then read from the members next time", async () => {
    const setUp = setup(10, users(0, 2));
    const failing = {
      ...setUp.deps.ruleHolders,
      write: () => Promise.reject(new Error("the store is full")),
    };
    const { deps, counts } = counting({ ...setUp.deps, ruleHolders: failing });
    const created = await createRule(deps, setUp.caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    expect(created.added).toBe(2);
    expect(created.rule.licensed).toBe(2);
    expect(setUp.world.rules.get(created.rule.id)!.value.sync.holdersIndex).toBeNull();
    expect(setUp.world.warnings.join("\n")).toContain("the store is full");
    setUp.state.members = users(0, 1);
    expect(await syncRule(deps, setUp.caller.org, created.rule.id, { holder: "timer" })).toMatchObject({ removed: 1 });
    expect(counts.memberQueries).toBe(2);
  });

  it("goes with its rule", async () => {
    const { world, deps, caller } = setup(10, users(0, 2));
    const created = await createRule(deps, caller, { groupDescriptor: GROUP.descriptor, role: "Team" });
    expect(world.holderIndex.has(created.rule.id)).toBe(true);
    await deleteRule(deps, caller, created.rule.id);
    expect(world.holderIndex.has(created.rule.id)).toBe(false);
  });
});
