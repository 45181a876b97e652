import { describe, expect, it } from "vitest";
import { UnavailableError } from "../../domain/errors";
import { newOrg } from "../../domain/org";
import type { OpResult } from "../../ports/seat-commit";
import { applyRoleChanges } from "./apply-role-changes";
import { InMemoryUsersWorld } from "./test-support/in-memory-users";

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
