import { describe, expect, it } from "vitest";
import type { MemberRecord } from "../domain/member";
import { newOrg } from "../domain/org";
import type { ActivityField } from "../domain/member-activity";
import { recordActivity, recordName, type ActivityDeps } from "./record-activity";
import { applyRoleChanges } from "./users/apply-role-changes";
import { InMemoryUsersWorld } from "./users/test-support/in-memory-users";

const ORG_ID = "7f075dd3-f821-517e-b68e-ad4ee91705c2";
const NOW = new Date("2026-03-10T14:00:00Z");

const member = (stamps: Partial<Pick<MemberRecord, ActivityField>> = {}): MemberRecord => ({
  orgId: ORG_ID,
  userId: "u1",
  role: "Team",
  direct: "Team",
  grants: [],
  displayName: "User u1",
  email: "u1@fabrikam.example",
  uniqueName: "u1@fabrikam.example",
  updatedAt: "2026-01-01T00:00:00.000Z",
  updatedBy: "admin",
  ...stamps,
});

function recorder(
  touch: ActivityDeps["activity"]["touch"] = async () => undefined,
  rename: ActivityDeps["activity"]["rename"] = async () => undefined,
) {
  const touched: string[] = [];
  const warnings: string[] = [];
  const deps: ActivityDeps = {
    activity: {
      touch: async (orgId, userId, field, at) => {
        touched.push(`${userId} ${field} ${at}`);
        await touch(orgId, userId, field, at);
      },
      rename: async (m, displayName) => {
        touched.push(`${m.userId} renamed ${displayName}`);
        await rename(m, displayName);
      },
    },
    now: () => NOW,
    warn: (line) => warnings.push(line),
  };
  return { deps, touched, warnings };
}

describe("recording when a member tracked time or opened Timetracker", () => {
  it("stamps the first activity of a UTC day with its instant", async () => {
    const r = recorder();
    await recordActivity(r.deps, member({ lastTrackedAt: "2026-03-09T23:00:00.000Z" }), "lastTrackedAt");
    expect(r.touched).toEqual(["u1 lastTrackedAt 2026-03-10T14:00:00.000Z"]);
  });

  it("writes nothing again the same day, and nothing for a user without a record", async () => {
    const r = recorder();
    await recordActivity(r.deps, member({ lastOpenedAt: "2026-03-10T00:05:00.000Z" }), "lastOpenedAt");
    await recordActivity(r.deps, null, "lastOpenedAt");
    expect(r.touched).toEqual([]);
  });

  it("logs a failed stamp and lets the request go on", async () => {
    const r = recorder(async () => {
      throw new Error("The Timetracker database is not reachable right now.");
    });
    await expect(recordActivity(r.deps, member(), "lastTrackedAt")).resolves.toBeUndefined();
    expect(r.warnings).toEqual([
      `Could not record lastTrackedAt of user u1 in org ${ORG_ID}: The Timetracker database is not reachable right now.`,
    ]);
  });
});

describe("keeping the name Azure DevOps gives a member", () => {
  it("saves a new name, trimmed, and nothing when it is the same, blank, or the user has no record", async () => {
    const r = recorder();
    await recordName(r.deps, member(), "  Ada Lovelace ");
    await recordName(r.deps, member(), "User u1");
    await recordName(r.deps, member(), "   ");
    await recordName(r.deps, null, "Ada Lovelace");
    expect(r.touched).toEqual(["u1 renamed Ada Lovelace"]);
  });

  it("logs a failed rename and lets the request go on", async () => {
    const r = recorder(undefined, async () => {
      throw new Error("The Timetracker database is not reachable right now.");
    });
    await expect(recordName(r.deps, member(), "Ada Lovelace")).resolves.toBeUndefined();
    expect(r.warnings).toEqual([
      `Could not save the new name of user u1 in org ${ORG_ID}: The Timetracker database is not reachable right now.`,
    ]);
  });
});

describe("a stamp beside a role change", () => {
  it("makes a role change that read the member before it retry, and both survive", async () => {
    const w = new InMemoryUsersWorld(newOrg(ORG_ID, "fabrikam", new Date("2026-11-01T00:00:00Z")), () => 0);
    const deps = w.deps();
    const actor = { id: "admin", displayName: "Admin" };
    const ctx = { org: w.org.value, actor, surface: "permissions-page" as const };
    const profile = { id: "u1", displayName: "User u1", email: "u1@fabrikam.example", uniqueName: "u1" };
    await applyRoleChanges(deps, ctx, [{ userId: "u1", role: "Team", profile }]);

    const commit = deps.commits.commit.bind(deps.commits);
    let commits = 0;
    deps.commits.commit = async (orgId, change) => {
      // The member tracks time after the role change read them and before it writes.
      if (commits++ === 0) await deps.activity.touch(orgId, "u1", "lastTrackedAt", "2026-03-10T14:00:00.000Z");
      return commit(orgId, change);
    };
    const [outcome] = await applyRoleChanges(deps, ctx, [{ userId: "u1", role: "Product" }]);

    expect(outcome).toMatchObject({ ok: true, changed: true, to: "Product" });
    expect(commits).toBe(2);
    expect(w.members.get("u1")!.value).toMatchObject({ role: "Product", lastTrackedAt: "2026-03-10T14:00:00.000Z" });
  });
});
