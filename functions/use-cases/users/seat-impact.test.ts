import { describe, expect, it } from "vitest";
import { UpstreamError } from "../../domain/errors";
import { newOrg, type OrgRecord } from "../../domain/org";
import type { SeatCostPort } from "../../ports/seat-cost";
import { seatImpact } from "./seat-impact";
import { InMemoryUsersWorld } from "./test-support/in-memory-users";

const ORG_ID = "7f075dd3-f821-517e-b68e-ad4ee91705c2";

/** An org on Start with `seats` seats and `licensed` members on Team; the seat cost port is the test's. */
function orgWith(seats: number, licensed: number, seatCost: SeatCostPort) {
  const org: OrgRecord = {
    ...newOrg(ORG_ID, "fabrikam", new Date("2026-10-01T00:00:00Z")),
    subscription: {
      plan: "start",
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
  const w = new InMemoryUsersWorld(org, () => 0);
  for (let i = 0; i < licensed; i++) {
    const member = { orgId: ORG_ID, userId: `u${i}`, role: "Team" as const, direct: "Team" as const, grants: [] };
    w.members.set(member.userId, {
      value: { ...member, displayName: "", email: "", uniqueName: "", updatedAt: "", updatedBy: "" },
      etag: w.nextEtag(),
    });
  }
  return { deps: { ...w.deps(), seatCost }, org };
}

const asked: string[] = [];
const chargebeeDown: SeatCostPort = {
  forUsers: async (_orgId, users) => {
    asked.push(`cost for ${users}`);
    throw new UpstreamError("Chargebee did not answer.");
  },
  monthlySaving: async () => {
    throw new UpstreamError("Chargebee did not answer.");
  },
};

describe("the seat impact when Chargebee cannot price it", () => {
  it("still says how many seats are missing and where to add them, and that the price is not known just now", async () => {
    const { deps, org } = orgWith(5, 4, chargebeeDown);
    const impact = await seatImpact(deps, org, 3);
    expect(asked).toEqual(["cost for 7"]);
    expect(impact).toMatchObject({
      fits: false,
      seatsMissing: 2,
      usersNeeded: 7,
      summary: "Needs 2 more seats than are free (1 of 5 free)",
      costOfMissingSeats: null,
      costText: "Chargebee could not price the missing seats just now; the Subscription page shows the prices.",
    });
    expect(impact.subscriptionUrl).toMatch(/\?users=7$/);
  });

  it("still says what None frees, without a saving", async () => {
    const { deps, org } = orgWith(5, 4, chargebeeDown);
    expect(await seatImpact(deps, org, -2)).toMatchObject({
      summary: "Frees 2 seats",
      monthlySaving: null,
      savingText: null,
    });
  });

  it("asks for no price when nothing is missing or freed", async () => {
    asked.length = 0;
    const { deps, org } = orgWith(5, 4, chargebeeDown);
    expect(await seatImpact(deps, org, 1)).toMatchObject({ summary: "Uses 1 of 1 free seat", costText: null });
    expect(await seatImpact(deps, org, 0)).toMatchObject({ summary: "Changes no seats", costText: null });
    expect(asked).toEqual([]);
  });
});
