import { describe, expect, it } from "vitest";
import { SeatLimitError, UnavailableError } from "../../domain/errors";
import type { AssignedRole } from "../../domain/roles";
import { SEAT_HOLD_MS } from "../../domain/seat-holds";
import { applyRoleChanges } from "./apply-role-changes";
import { assignRoles } from "./assign-roles";
import { holdSeats, releaseSeatHold } from "./hold-seats";
import { previewRoleChanges } from "./preview-role-changes";
import { InMemoryUsersWorld } from "./test-support/in-memory-users";
import { subscribedOrg } from "./test-support/subscribed-org";
import type { UserManager } from "./user-manager";
import type { UsersDeps } from "./users-deps";

const actor = { id: "admin", displayName: "Admin" };
const START = new Date("2026-11-10T00:00:00Z");
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `u${from + i}`);
const profile = (id: string) => ({
  id,
  displayName: `User ${id}`,
  email: `${id}@fabrikam.example`,
  uniqueName: `${id}@fabrikam.example`,
});

/** An org of `seats` seats whose users `ids` have a record and no license yet, on a clock the test moves. */
function org(seats: number, users: string[]) {
  const world = new InMemoryUsersWorld(subscribedOrg(seats), () => 0);
  for (const userId of users)
    world.members.set(userId, {
      value: {
        orgId: world.org.value.id,
        userId,
        role: "None",
        direct: "None",
        grants: [],
        ...profile(userId),
        updatedAt: "",
        updatedBy: "",
      },
      etag: world.nextEtag(),
    });
  const clock = { now: START };
  const deps: UsersDeps = { ...world.deps(), now: () => clock.now };
  const manager: UserManager = {
    caller: { orgId: world.org.value.id, userId: "admin", accessToken: "t" } as UserManager["caller"],
    access: { org: world.org } as UserManager["access"],
    isPca: true,
    actor,
  };
  return { world, deps, manager, clock };
}

const direct = (users: string[], role: AssignedRole = "Team") => users.map((userId) => ({ userId, role }));
const ctx = (deps: UsersDeps, world: InMemoryUsersWorld) => ({
  org: world.org.value,
  actor,
  surface: "permissions-page" as const,
});

/** Runs `race` once, right before the `nth` transactional batch of any request is written. */
function raceBefore(deps: UsersDeps, nth: number, race: () => Promise<unknown>): { result: () => Promise<unknown> } {
  const commit = deps.commits.commit.bind(deps.commits);
  let batches = 0;
  let raced: Promise<unknown> = Promise.resolve(undefined);
  deps.commits = {
    ...deps.commits,
    commit: async (orgId, change) => {
      if (++batches === nth) raced = race().catch((error: unknown) => error);
      await raced;
      return commit(orgId, change);
    },
  };
  return { result: () => raced };
}

describe("a role change of many batches holds its seats", () => {
  it("lands whole while a change racing it between two batches is refused, and holds nothing afterwards", async () => {
    const { world, deps } = org(200, ids(0, 205));
    const racingDeps = { ...deps };
    const race = raceBefore(racingDeps, 2, () => applyRoleChanges(deps, ctx(deps, world), direct(ids(200, 205))));

    const outcomes = await applyRoleChanges(racingDeps, ctx(deps, world), direct(ids(0, 200)));

    expect(outcomes.filter((o) => o.ok && o.changed)).toHaveLength(200);
    const refused = await race.result();
    expect(refused).toBeInstanceOf(SeatLimitError);
    expect((refused as Error).message).toContain("this change needs 5 more licensed users, but only 0 seats are free");
    expect(world.actualLicensed()).toBe(200);
    expect(world.ledger!.value.holds).toEqual([]);
  });

  it("is refused before anything is written when the whole change does not fit", async () => {
    const { world, deps } = org(150, ids(0, 200));
    await expect(applyRoleChanges(deps, ctx(deps, world), direct(ids(0, 200)))).rejects.toThrow(
      "this change needs 200 more licensed users, but only 150 seats are free",
    );
    expect(world.actualLicensed()).toBe(0);
    expect(world.ledger!.value.holds).toEqual([]);
  });

  it("frees its hold when it fails part-way, so the seats do not wait for the hold to lapse", async () => {
    const { world, deps } = org(300, ids(0, 300));
    const commit = deps.commits.commit.bind(deps.commits);
    let batches = 0;
    deps.commits = {
      ...deps.commits,
      commit: async (orgId, change) => {
        if (++batches === 2) throw new UnavailableError("The store is not answering.");
        return commit(orgId, change);
      },
    };
    await expect(applyRoleChanges(deps, ctx(deps, world), direct(ids(0, 200)))).rejects.toThrow(
      "The store is not answering.",
    );
    expect(world.actualLicensed()).toBe(98); // the first batch landed: a store failure, not a race
    expect(world.ledger!.value.holds).toEqual([]);
  });
});

describe("the page's hold over a change it sends in several requests", () => {
  it("keeps the seats for every request of the change, then frees what is left when released", async () => {
    const { world, deps, manager } = org(600, ids(0, 610));
    const hold = await holdSeats(deps, manager, { role: "Team", userIds: ids(0, 600) });
    expect(hold.seatsHeld).toBe(600);
    expect(hold.until).toBe(new Date(START.getTime() + SEAT_HOLD_MS).toISOString());

    // Every seat is held: another administrator's change is refused, and the preview says so.
    await expect(applyRoleChanges(deps, ctx(deps, world), direct(ids(600, 610)))).rejects.toThrow(
      "only 0 seats are free",
    );
    const preview = await previewRoleChanges(deps, manager, { role: "Team", userIds: ids(600, 610) });
    expect(preview).toMatchObject({ fits: false, seatsFree: 0, seatsMissing: 10, usersNeeded: 610 });

    // The page's first request takes its seats from the hold; the rest stays held.
    const first = await assignRoles(deps, manager, { role: "Team", userIds: ids(0, 500), holdId: hold.holdId });
    expect(first.changed).toBe(500);
    expect(first.seats).toEqual({ licensed: 500, limit: 600, available: 0 });
    expect(world.ledger!.value.holds).toEqual([{ id: hold.holdId, seats: 100, until: expect.any(String) }]);

    // Given up: released, the 100 seats are free for anyone, and the hold keeps nothing for the page.
    await releaseSeatHold(deps, manager, hold.holdId);
    expect(world.ledger!.value.holds).toEqual([]);
    await applyRoleChanges(deps, ctx(deps, world), direct(ids(600, 610)));
    await expect(
      assignRoles(deps, manager, { role: "Team", userIds: ids(500, 600), holdId: hold.holdId }),
    ).rejects.toThrow("this change needs 100 more licensed users, but only 90 seats are free");
    expect(world.actualLicensed()).toBe(510);
  });

  it("stops a held change at the seats left when the plan is made smaller while it runs", async () => {
    const { world, deps, manager } = org(600, ids(0, 600));
    const hold = await holdSeats(deps, manager, { role: "Team", userIds: ids(0, 600) });
    await assignRoles(deps, manager, { role: "Team", userIds: ids(0, 500), holdId: hold.holdId });
    world.org = { ...world.org, value: subscribedOrg(500) }; // a downgrade to 500 seats
    const smaller: UserManager = { ...manager, access: { org: world.org } as UserManager["access"] };
    await expect(
      assignRoles(deps, smaller, { role: "Team", userIds: ids(500, 600), holdId: hold.holdId }),
    ).rejects.toBeInstanceOf(SeatLimitError);
    expect(world.actualLicensed()).toBe(500);
  });

  it("refuses a hold that does not fit, with the seat limit, and holds nothing", async () => {
    const { world, deps, manager } = org(100, ids(0, 120));
    const attempt = holdSeats(deps, manager, { role: "Team", userIds: ids(0, 120) });
    await expect(attempt).rejects.toBeInstanceOf(SeatLimitError);
    await expect(attempt).rejects.toThrow("this change needs 120 more licensed users, but only 100 seats are free");
    expect(world.ledger!.value.holds).toEqual([]);
  });

  it("adds to a hold in parts, and counts each part against the seats", async () => {
    const { world, deps, manager } = org(150, ids(0, 200));
    const first = await holdSeats(deps, manager, { role: "Team", userIds: ids(0, 100) });
    const more = await holdSeats(deps, manager, { role: "Team", userIds: ids(100, 140), holdId: first.holdId });
    expect(more).toMatchObject({ holdId: first.holdId, seatsHeld: 140 });
    await expect(
      holdSeats(deps, manager, { role: "Team", userIds: ids(140, 200), holdId: first.holdId }),
    ).rejects.toThrow("this change needs 60 more licensed users, but only 10 seats are free");
    expect(world.ledger!.value.holds.map((h) => h.seats)).toEqual([140]);
  });

  it("holds nothing for a change that frees seats", async () => {
    const { world, deps, manager } = org(10, ids(0, 5));
    await applyRoleChanges(deps, ctx(deps, world), direct(ids(0, 5)));
    const hold = await holdSeats(deps, manager, { role: "None", userIds: ids(0, 5) });
    expect(hold).toMatchObject({ seatsHeld: 0, until: null });
    expect(world.ledger!.value.holds).toEqual([]);
  });

  it("stops counting a hold nobody renews or releases once it lapses", async () => {
    const { world, deps, manager, clock } = org(100, ids(0, 110));
    await holdSeats(deps, manager, { role: "Team", userIds: ids(0, 100) });
    await expect(applyRoleChanges(deps, ctx(deps, world), direct(ids(100, 110)))).rejects.toBeInstanceOf(
      SeatLimitError,
    );
    clock.now = new Date(START.getTime() + SEAT_HOLD_MS + 1);
    await applyRoleChanges(deps, ctx(deps, world), direct(ids(100, 110)));
    expect(world.actualLicensed()).toBe(10);
    expect(world.ledger!.value.holds).toEqual([]); // the write dropped the lapsed hold
  });
});
