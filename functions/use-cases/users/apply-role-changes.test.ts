import { describe, expect, it } from "vitest";
import { UnavailableError } from "../../domain/errors";
import { newOrg } from "../../domain/org";
import type { OpResult } from "../../ports/seat-commit";
import { applyRoleChanges } from "./apply-role-changes";
import { InMemoryUsersWorld } from "./test-support/in-memory-users";
import { subscribedOrg } from "./test-support/subscribed-org";

const ORG_ID = "7f075dd3-f821-517e-b68e-ad4ee91705c2";
const actor = { id: "admin", displayName: "Admin" };
const profile = (id: string) => ({
  id,
  displayName: `User ${id}`,
  email: `${id}@fabrikam.example`,
  uniqueName: `${id}@fabrikam.example`,
});

function world(): InMemoryUsersWorld {
  return new InMemoryUsersWorld(newOrg(ORG_ID, "fabrikam", new Date("2026-11-01T00:00:00Z")), () => 0);
}

describe("bulk role changes that keep losing races", () => {
  it("answers per entry when another request keeps changing that user, and writes nothing for it", async () => {
    const w = world();
    const deps = w.deps();
    let commits = 0;
    deps.commits.commit = async (_orgId, c) => {
      commits++;
      return { ledger: "not-run", audit: "not-run", writes: c.writes.map((): OpResult => "changed") };
    };
    const outcomes = await applyRoleChanges(deps, { org: w.org.value, actor, surface: "rest-api" }, [
      { userId: "u1", role: "Team", profile: profile("u1") },
    ]);
    expect(outcomes).toEqual([
      { userId: "u1", ok: false, message: "Someone else kept changing this user at the same time; try again." },
    ]);
    expect(commits).toBe(3); // one batch per round
    expect(w.members.size).toBe(0);
  });

  it("fails the whole request with 503 when its seat batch keeps losing the ledger to other requests", async () => {
    const w = world();
    const deps = w.deps();
    deps.commits.commit = async (_orgId, c) => ({
      ledger: "changed",
      audit: "not-run",
      writes: c.writes.map((): OpResult => "not-run"),
    });
    const attempt = applyRoleChanges(deps, { org: w.org.value, actor, surface: "rest-api" }, [
      { userId: "u1", role: "Team", profile: profile("u1") },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(UnavailableError);
    await expect(attempt).rejects.toThrow(
      "Too many changes to this organization at once. Please try again in a moment.",
    );
    expect(w.members.size).toBe(0);
  });
});

describe("group rules' parts through the same write path", () => {
  const engineering = { id: "rule-eng", name: "Engineering" };
  const subscribed = (seats: number) => subscribedOrg(seats, { plan: "team" });

  it("licenses a member while the rule grants, and frees the seat when they leave the group", async () => {
    const w = new InMemoryUsersWorld(subscribed(5), () => 0);
    const deps = w.deps();
    const ctx = { org: w.org.value, actor, surface: "group-rule" as const };
    await applyRoleChanges(deps, ctx, [
      { userId: "u1", rule: engineering, grant: "Product", profile: profile("u1") },
      { userId: "u2", role: "Team", profile: profile("u2") },
    ]);
    await applyRoleChanges(deps, ctx, [{ userId: "u2", rule: engineering, grant: "Administrator" }]);
    expect(w.actualLicensed()).toBe(2);
    expect(w.members.get("u2")!.value).toMatchObject({ direct: "Team", role: "Administrator" });

    const left = await applyRoleChanges(deps, ctx, [
      { userId: "u1", rule: engineering, grant: null },
      { userId: "u2", rule: engineering, grant: null },
    ]);
    expect(left.map((o) => o.ok && o.to)).toEqual(["None", "Team"]);
    expect(w.actualLicensed()).toBe(1);
    expect(w.ledger!.value.counts).toEqual({ explicit: 1, onDefault: 0 });
  });

  it("refuses setting a rule-licensed member to None, naming the rule, and applies the rest", async () => {
    const w = new InMemoryUsersWorld(subscribed(5), () => 0);
    const deps = w.deps();
    await applyRoleChanges(deps, { org: w.org.value, actor, surface: "group-rule" }, [
      { userId: "u1", rule: engineering, grant: "Team", profile: profile("u1") },
    ]);
    const outcomes = await applyRoleChanges(deps, { org: w.org.value, actor, surface: "permissions-page" }, [
      { userId: "u1", role: "None" },
      { userId: "u2", role: "Team", profile: profile("u2") },
    ]);
    expect(outcomes[0]).toMatchObject({ ok: false });
    expect(outcomes[0].ok ? "" : outcomes[0].message).toContain('the group rule "Engineering"');
    expect(outcomes[1]).toMatchObject({ ok: true, changed: true });
    expect(w.members.get("u1")!.value.role).toBe("Team");
  });

  it("fills the free seats in the order given and leaves the rest waiting, without refusing the sync", async () => {
    const w = new InMemoryUsersWorld(subscribed(3), () => 0);
    const deps = w.deps();
    await applyRoleChanges(deps, { org: w.org.value, actor, surface: "permissions-page" }, [
      { userId: "a", role: "Team", profile: profile("a") },
      { userId: "b", role: "Team", profile: profile("b") },
    ]);
    const outcomes = await applyRoleChanges(
      deps,
      { org: w.org.value, actor, surface: "group-rule", fillFreeSeats: true },
      ["u3", "u1", "u2", "a"].map((id) => ({
        userId: id,
        rule: engineering,
        grant: "Team" as const,
        profile: profile(id),
      })),
    );
    expect(outcomes.map((o) => (o.ok ? "licensed" : o.reason))).toEqual(["licensed", "no-seat", "no-seat", "licensed"]);
    expect(w.actualLicensed()).toBe(3);
  });

  it("in a sync's pass, frees seats in batches of their own: seats taken meanwhile leave additions waiting, never a removal undone", async () => {
    const w = new InMemoryUsersWorld(subscribed(3), () => 0);
    const deps = w.deps();
    const sync = { org: w.org.value, actor, surface: "group-rule" as const, fillFreeSeats: true };
    await applyRoleChanges(deps, sync, [
      { userId: "r1", rule: engineering, grant: "Team", profile: profile("r1") },
      { userId: "r2", rule: engineering, grant: "Team", profile: profile("r2") },
      { userId: "r3", rule: engineering, grant: "Team", profile: profile("r3") },
    ]);
    const commit = deps.commits.commit.bind(deps.commits);
    const batches: string[][] = [];
    deps.commits.commit = async (orgId, c) => {
      const result = await commit(orgId, c);
      if (result.ledger === "landed") {
        batches.push(c.writes.map((write) => write.member.role));
        // Another request licenses two people the moment the removals land.
        if (batches.length === 1)
          w.ledger = { value: { ...w.ledger!.value, counts: { explicit: 3, onDefault: 0 } }, etag: "theirs" };
      }
      return result;
    };
    const outcomes = await applyRoleChanges(deps, sync, [
      { userId: "r1", rule: engineering, grant: null },
      { userId: "r2", rule: engineering, grant: null },
      { userId: "u1", rule: engineering, grant: "Team", profile: profile("u1") },
      { userId: "u2", rule: engineering, grant: "Team", profile: profile("u2") },
    ]);
    expect(outcomes.map((o) => (o.ok ? o.to : o.reason))).toEqual(["None", "None", "no-seat", "no-seat"]);
    expect(batches).toEqual([["None", "None"]]);
    expect(w.members.get("r1")!.value.role).toBe("None");
  });
});

describe("a swap of seats across batches when a member changes in between", () => {
  it("reads the whole rest again instead of taking seats a batch that did not land was to free", async () => {
    // Every seat is taken; one request frees 100 seats and gives them to 100 others (three batches).
    const w = new InMemoryUsersWorld(subscribedOrg(100), () => 0);
    const deps = w.deps();
    const leaving = Array.from({ length: 100 }, (_, i) => `a${i}`);
    const joining = Array.from({ length: 100 }, (_, i) => `b${i}`);
    const ctx = { org: w.org.value, actor, surface: "rest-api" as const };
    await applyRoleChanges(
      deps,
      ctx,
      leaving.map((id) => ({ userId: id, role: "Team" as const, profile: profile(id) })),
    );
    const commit = deps.commits.commit.bind(deps.commits);
    let calls = 0;
    deps.commits.commit = async (orgId, c) => {
      // Another administrator makes a0 a Product user just before the first (freeing) batch lands.
      if (calls++ === 0) {
        const a0 = w.members.get("a0")!;
        w.members.set("a0", { value: { ...a0.value, direct: "Product", role: "Product" }, etag: "theirs" });
      }
      return commit(orgId, c);
    };
    const outcomes = await applyRoleChanges(deps, ctx, [
      ...leaving.map((id) => ({ userId: id, role: "None" as const })),
      ...joining.map((id) => ({ userId: id, role: "Team" as const, profile: profile(id) })),
    ]);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(w.actualLicensed()).toBe(100);
    expect(joining.every((id) => w.members.get(id)!.value.role === "Team")).toBe(true);
    expect(w.members.get("a0")!.value.role).toBe("None");
  });
});
