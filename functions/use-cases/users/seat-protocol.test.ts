import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SeatLimitError, UnavailableError } from "../../domain/errors";
import type { GrantRole } from "../../domain/member";
import { seatRole } from "../../domain/role-sources";
import { ASSIGNABLE_ROLES, ROLES, type AssignedRole, type Role } from "../../domain/roles";
import { applyRoleChanges } from "./apply-role-changes";
import type { RoleChangeOutcome } from "./role-change";
import { flushPendingAudit } from "./audit-trail";
import { ensureLedger } from "./seat-ledger";
import { setDefaultRole } from "./set-default-role";
import { InMemoryUsersWorld } from "./test-support/in-memory-users";
import { subscribedOrg as subscribed } from "./test-support/subscribed-org";
import type { UserManager } from "./user-manager";

const ORG_ID = "7f075dd3-f821-517e-b68e-ad4ee91705c2";
const USERS = Array.from({ length: 12 }, (_, i) => `u${i}`);
const actor = { id: "admin", displayName: "Admin" };

const subscribedOrg = (seats: number, defaultRole: Role = "Team") => subscribed(seats, { defaultRole });

const profile = (id: string) => ({
  id,
  displayName: `User ${id}`,
  email: `${id}@fabrikam.example`,
  uniqueName: `${id}@fabrikam.example`,
});

function seed(world: InMemoryUsersWorld, roles: Record<string, AssignedRole>): void {
  for (const [userId, role] of Object.entries(roles)) {
    world.members.set(userId, {
      value: {
        orgId: ORG_ID,
        userId,
        role,
        direct: role,
        grants: [],
        ...profile(userId),
        updatedAt: "",
        updatedBy: "",
      },
      etag: world.nextEtag(),
    });
  }
}

function manager(world: InMemoryUsersWorld): UserManager {
  return {
    caller: { orgId: ORG_ID } as UserManager["caller"],
    access: { org: { ...world.org } } as UserManager["access"],
    isPca: true,
    actor,
  };
}

type Action =
  | { kind: "assign"; entries: { user: string; role: AssignedRole }[] }
  | { kind: "default"; role: Role }
  | { kind: "sync"; rule: string; entries: { user: string; grant: GrantRole | null }[] };

const assignAction = fc.record({
  kind: fc.constant("assign" as const),
  entries: fc.uniqueArray(fc.record({ user: fc.constantFrom(...USERS), role: fc.constantFrom(...ASSIGNABLE_ROLES) }), {
    minLength: 1,
    maxLength: 6,
    selector: (e) => e.user,
  }),
});
const defaultAction = fc.record({ kind: fc.constant("default" as const), role: fc.constantFrom(...ROLES) });
/** A group rule's sync: grants and removals of its part, filling free seats in order. */
const syncAction = fc.record({
  kind: fc.constant("sync" as const),
  rule: fc.constantFrom("eng", "ops"),
  entries: fc.uniqueArray(
    fc.record({
      user: fc.constantFrom(...USERS),
      grant: fc.constantFrom<GrantRole | null>(null, "Default", "Team", "Administrator"),
    }),
    { minLength: 1, maxLength: 6, selector: (e) => e.user },
  ),
});

/**
 * Runs the actions at once on in-memory stores whose calls interleave as `seedValue` says,
 * and checks the seat limit after every single write, the audit trail and the ledger.
 */
async function raceActions(actions: Action[], seats: number, defaultRole: Role, seedValue: number): Promise<void> {
  const rng = fc.sample(fc.double({ min: 0, max: 0.999 }), { numRuns: 5_000, seed: seedValue });
  let n = 0;
  let worst = 0;
  const world = new InMemoryUsersWorld(
    subscribedOrg(seats, defaultRole),
    () => rng[n++ % rng.length],
    () => {
      worst = Math.max(worst, world.actualLicensed());
    },
  );
  seed(world, { u0: "Team", u1: "Default", u2: "None" });
  const start = world.actualLicensed();
  const deps = world.deps();
  const results = await Promise.allSettled(
    actions.map((action) => {
      if (action.kind === "default") return setDefaultRole(deps, manager(world), action.role);
      if (action.kind === "assign")
        return applyRoleChanges(
          deps,
          { org: world.org.value, actor, surface: "rest-api" },
          action.entries.map((e) => ({ userId: e.user, role: e.role, profile: profile(e.user) })),
        );
      const rule = { id: action.rule, name: action.rule };
      return applyRoleChanges(
        deps,
        { org: world.org.value, actor, surface: "group-rule", fillFreeSeats: true },
        action.entries.map((e) => ({ userId: e.user, rule, grant: e.grant, profile: profile(e.user) })),
      );
    }),
  );
  for (const r of results) {
    if (r.status === "rejected" && !(r.reason instanceof SeatLimitError) && !(r.reason instanceof UnavailableError))
      throw r.reason;
  }
  expect(worst).toBeLessThanOrEqual(Math.max(seats, start));
  // Every change a request reports is in the audit trail, once, and nothing else is.
  const reported = results.flatMap((r, i) =>
    r.status === "fulfilled" && actions[i].kind !== "default"
      ? (r.value as RoleChangeOutcome[]).filter((o) => o.ok && o.changed).map((o) => o.userId)
      : [],
  );
  await flushPendingAudit(deps, world.org.value.id);
  const audited = world.audit.flatMap((e) => e.changes.map((c) => c.user.id));
  expect(audited.sort()).toEqual(reported.sort());
  await ensureLedger(deps, world.org.value); // as the next request would
  expect(world.ledger!.value.counts).toEqual(world.actualCounts());
  expect(world.ledger!.value.defaultCounted).toBe(world.org.value.defaultRole !== "None");
  // The counted role is always the one the parts give.
  for (const { value } of world.members.values()) expect(value.role).toBe(seatRole(value));
}

describe("seat protocol under concurrency", () => {
  it("never licenses more users than seats, at any write, and the ledger ends exact", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { weight: 3, arbitrary: assignAction },
            { weight: 2, arbitrary: syncAction },
            { weight: 1, arbitrary: defaultAction },
          ),
          {
            minLength: 2,
            maxLength: 7,
          },
        ),
        fc.integer({ min: 2, max: 6 }),
        fc.constantFrom<Role>("Team", "None"),
        fc.integer(),
        raceActions,
      ),
      { numRuns: Number(process.env.SEAT_PROTOCOL_RUNS ?? 150) },
    );
  }, 120_000);

  it("lands a change of several batches whole or not at all, while others race it between its batches", async () => {
    // Requests of up to 250 users (three batches) and small ones race for fewer seats than they
    // ask together, over a pool whose first 150 users hold a seat at the start. Entries name
    // their own roles (as REST requests do), so a request frees and takes seats at once, and
    // requests overlap, so a batch can find a member another request changed. A direct change
    // is never cut short for want of a seat, a sync fills what is free, no hold outlives its request.
    const POOL = Array.from({ length: 400 }, (_, i) => `p${i}`);
    const request = fc.record({
      kind: fc.constantFrom("assign", "sync"),
      from: fc.integer({ min: 0, max: 399 }),
      size: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 99, max: 250 })),
      roles: fc.array(fc.constantFrom<AssignedRole>("Team", "None", "Default"), { minLength: 1, maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(request, { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 150, max: 350 }),
        fc.integer(),
        async (requests, seats, seedValue) => {
          const rng = fc.sample(fc.double({ min: 0, max: 0.999 }), { numRuns: 5_000, seed: seedValue });
          let n = 0;
          let worst = 0;
          const world = new InMemoryUsersWorld(
            subscribedOrg(seats, "Team"),
            () => rng[n++ % rng.length],
            () => void (worst = Math.max(worst, world.actualLicensed())),
          );
          seed(world, Object.fromEntries(POOL.slice(0, 150).map((u) => [u, "Team" as const])));
          const deps = world.deps();
          const results = await Promise.allSettled(
            requests.map((r) => {
              const users = Array.from({ length: r.size }, (_, i) => POOL[(r.from + i) % POOL.length]);
              const unique = [...new Set(users)];
              if (r.kind === "sync") {
                const rule = { id: "rule", name: "rule" };
                const ctx = { org: world.org.value, actor, surface: "group-rule" as const, fillFreeSeats: true };
                return applyRoleChanges(
                  deps,
                  ctx,
                  unique.map((u) => ({ userId: u, rule, grant: "Team" as const, profile: profile(u) })),
                );
              }
              return applyRoleChanges(
                deps,
                { org: world.org.value, actor, surface: "rest-api" },
                unique.map((u, i) => ({ userId: u, role: r.roles[i % r.roles.length], profile: profile(u) })),
              );
            }),
          );
          for (const [i, r] of results.entries()) {
            if (r.status === "rejected") {
              if (!(r.reason instanceof SeatLimitError)) throw r.reason;
              continue;
            }
            // No direct entry was left out for want of a seat once its request had started.
            if (requests[i].kind === "assign")
              expect(r.value.filter((o) => !o.ok && o.reason === "no-seat")).toEqual([]);
          }
          expect(worst).toBeLessThanOrEqual(seats);
          expect(world.ledger?.value.holds ?? []).toEqual([]);
          expect(world.ledger?.value.counts ?? world.actualCounts()).toEqual(world.actualCounts());
        },
      ),
      { numRuns: Number(process.env.SEAT_PROTOCOL_RUNS ?? 150) / 5 },
    );
  }, 120_000);

  it("keeps the seat limit in the race that licensed 5 users on 4 seats when batches were not atomic (seed 398066939)", async () => {
    // A default-role change to a licensed role racing assignments to Default: the emulator's
    // half-applied batches let the org pass its seats for a moment.
    await raceActions(
      [
        { kind: "default", role: "Administrator" },
        {
          kind: "assign",
          entries: [
            { user: "u8", role: "Default" },
            { user: "u10", role: "Default" },
          ],
        },
        { kind: "assign", entries: [{ user: "u0", role: "Team" }] },
        {
          kind: "assign",
          entries: [
            { user: "u4", role: "Default" },
            { user: "u10", role: "None" },
            { user: "u1", role: "None" },
          ],
        },
      ],
      4,
      "None",
      0,
    );
  });

  it("licenses exactly the free seats when 50 requests race for 10 seats", async () => {
    const world = new InMemoryUsersWorld(subscribedOrg(10), Math.random);
    const deps = world.deps();
    const ids = Array.from({ length: 50 }, (_, i) => `racer${i}`);
    const results = await Promise.allSettled(
      ids.map((id) =>
        applyRoleChanges(deps, { org: world.org.value, actor, surface: "permissions-page" }, [
          { userId: id, role: "Team", profile: profile(id) },
        ]),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(results.filter((r) => r.status === "rejected").every((r) => r.reason instanceof SeatLimitError)).toBe(true);
    expect(world.actualLicensed()).toBe(10);
    expect(world.ledger!.value.counts).toEqual({ explicit: 10, onDefault: 0 });
  });

  it("refuses a request that does not fit as a whole and writes nothing", async () => {
    const world = new InMemoryUsersWorld(subscribedOrg(3), Math.random);
    seed(world, { u0: "Team", u1: "Team" });
    const deps = world.deps();
    const attempt = applyRoleChanges(
      deps,
      { org: world.org.value, actor, surface: "permissions-page" },
      ["u2", "u3"].map((id) => ({ userId: id, role: "Product" as const, profile: profile(id) })),
    );
    await expect(attempt).rejects.toMatchObject({ details: { free: 1, needed: 2 } });
    expect(world.actualCounts()).toEqual({ explicit: 2, onDefault: 0 });
    expect(world.audit).toHaveLength(0);
    expect(world.outbox.size).toBe(0);
  });

  it("lets a swap at full capacity through and records both changes", async () => {
    const world = new InMemoryUsersWorld(subscribedOrg(2), Math.random);
    seed(world, { u0: "Team", u1: "Team" });
    const deps = world.deps();
    const outcomes = await applyRoleChanges(deps, { org: world.org.value, actor, surface: "rest-api" }, [
      { userId: "u1", role: "None" },
      { userId: "u2", role: "Budget", profile: profile("u2") },
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(world.actualLicensed()).toBe(2);
    await flushPendingAudit(deps, world.org.value.id);
    expect(world.audit.flatMap((e) => e.changes.map((c) => `${c.user.id}:${c.from}->${c.to}`)).sort()).toEqual([
      "u1:Team->None",
      "u2:null->Budget",
    ]);
  });

  it("refuses a default role that would license more users than seats", async () => {
    const world = new InMemoryUsersWorld(subscribedOrg(3, "None"), Math.random);
    seed(world, { u0: "Team", u1: "Default", u2: "Default", u3: "Default" });
    await expect(setDefaultRole(world.deps(), manager(world), "Team")).rejects.toBeInstanceOf(SeatLimitError);
    expect(world.org.value.defaultRole).toBe("None");
    expect(world.ledger!.value.defaultCounted).toBe(false);
  });
});
