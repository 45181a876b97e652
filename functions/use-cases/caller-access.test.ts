import { describe, expect, it } from "vitest";
import type { Caller } from "../auth/caller";
import { ConflictError } from "../domain/errors";
import { newOrg, type OrgRecord } from "../domain/org";
import type { Freshness, OrgStore } from "../ports/org-store";
import type { Versioned } from "../ports/versioned";
import { resolveCallerAccess, type AccessDeps } from "./caller-access";
import { InMemoryUsersWorld } from "./users/test-support/in-memory-users";

const ORG_ID = "0b8d3d35-5a57-4c8e-9c2d-0f3a2f6d1c11";
const NOW = new Date("2026-11-10T00:00:00Z");

function caller(userId: string, readOnly = false): Caller {
  return {
    userId,
    displayName: `User ${userId}`,
    email: `${userId}@fabrikam.example`,
    orgId: ORG_ID,
    orgName: "fabrikam",
    accessToken: "t",
    hostType: "cloud",
    deployment: "services",
    readOnly,
    isPca: async () => false,
  };
}

/**
 * The in-memory users world, but with an org store that starts empty (a new org) and can
 * answer "recent" reads from a copy taken earlier, as another instance's outdated copy would.
 */
function newOrgWorld(): {
  deps: AccessDeps;
  world: InMemoryUsersWorld;
  reads: Freshness[];
  staleCopy: { org: Versioned<OrgRecord> | null };
} {
  const world = new InMemoryUsersWorld(newOrg(ORG_ID, "fabrikam", NOW), Math.random);
  const base = world.deps();
  let created = false;
  const reads: Freshness[] = [];
  const staleCopy: { org: Versioned<OrgRecord> | null } = { org: null };
  const orgs: OrgStore = {
    ...base.orgs,
    async get(orgId) {
      return created ? base.orgs.get(orgId) : null;
    },
    async getWithMember(orgId, userId, freshness) {
      reads.push(freshness);
      if (freshness === "recent") return { org: staleCopy.org, member: null };
      return created ? base.orgs.getWithMember(orgId, userId, freshness) : { org: null, member: null };
    },
    async create(org) {
      await world.yieldRandomly();
      if (created) throw new ConflictError("The org exists already.");
      created = true;
      world.org = { value: org, etag: world.nextEtag() };
      return { ...world.org };
    },
  };
  return { deps: { ...base, orgs, now: () => NOW }, world, reads, staleCopy };
}

describe("deciding who the caller is in Timetracker", () => {
  it("makes the first user of a new org its Administrator and starts the trial", async () => {
    const { deps, world } = newOrgWorld();
    const access = await resolveCallerAccess(deps, caller("ana"));
    expect(access).toMatchObject({
      parts: { direct: "Administrator", grants: [] },
      effective: "Administrator",
      licensed: true,
      hasAccess: true,
    });
    expect(access.plan.kind).toBe("trial");
    expect(world.members.get("ana")?.value.role).toBe("Administrator");
  });

  it("gives a later new user the Default role during the trial", async () => {
    const { deps, world } = newOrgWorld();
    await resolveCallerAccess(deps, caller("ana"));
    const access = await resolveCallerAccess(deps, caller("ben"));
    expect(access).toMatchObject({
      parts: { direct: "Default", grants: [] },
      effective: world.org.value.defaultRole,
      licensed: true,
    });
    expect(world.members.get("ben")?.value.role).toBe("Default");
  });

  it("creates one org and one Administrator when two first users arrive at once", async () => {
    const { deps, world } = newOrgWorld();
    const [a, b] = await Promise.all([
      resolveCallerAccess(deps, caller("ana")),
      resolveCallerAccess(deps, caller("ben")),
    ]);
    const admins = [...world.members.values()].filter((m) => m.value.role === "Administrator");
    expect(admins).toHaveLength(1);
    expect([a.parts.direct, b.parts.direct].sort()).toEqual(["Administrator", "Default"]);
    expect(a.org.value.id).toBe(b.org.value.id);
  });

  it("decides a first visit on a fresh read even when a read-only request may use a copy", async () => {
    const { deps, reads, staleCopy } = newOrgWorld();
    await resolveCallerAccess(deps, caller("ana"));
    // Another instance's copy still says "no such org": the visit must not create a second one.
    staleCopy.org = null;
    const access = await resolveCallerAccess(deps, caller("ben", true));
    expect(reads.slice(-2)).toEqual(["recent", "fresh"]);
    expect(access.parts.direct).toBe("Default");
  });

  it("leaves a new user unlicensed when the subscription has no free seat", async () => {
    const { deps, world } = newOrgWorld();
    await resolveCallerAccess(deps, caller("ana"));
    world.org = {
      value: {
        ...world.org.value,
        trialStartedAt: "2026-01-01T00:00:00Z",
        subscription: {
          plan: "start",
          status: "active",
          seats: 1,
          billingPeriod: "monthly",
          chargebeeSubscriptionId: "s",
          chargebeeCustomerId: ORG_ID,
          currentTermEnd: null,
          nextBillingAt: null,
          resourceVersion: 1,
          updatedAt: "",
        },
      },
      etag: world.nextEtag(),
    };
    const access = await resolveCallerAccess(deps, caller("ben"));
    expect(access).toMatchObject({ parts: { direct: "None", grants: [] }, licensed: false, hasAccess: false });
    expect(world.members.has("ben")).toBe(false);
  });
});
