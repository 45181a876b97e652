import { newOrg, type OrgRecord } from "../../../domain/org";
import type { PlanId } from "../../../domain/org";
import type { Role } from "../../../domain/roles";

/** The org the use-case tests share, on an active monthly subscription of `seats` seats. */
export function subscribedOrg(seats: number, options: { plan?: PlanId; defaultRole?: Role } = {}): OrgRecord {
  const org = newOrg("7f075dd3-f821-517e-b68e-ad4ee91705c2", "fabrikam", new Date("2026-10-01T00:00:00Z"));
  return {
    ...org,
    defaultRole: options.defaultRole ?? org.defaultRole,
    subscription: {
      plan: options.plan ?? "start",
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
