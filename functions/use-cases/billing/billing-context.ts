import type { Caller } from "../../auth/caller";
import { planState, type PlanState } from "../../domain/access";
import { ForbiddenError } from "../../domain/errors";
import type { OrgRecord } from "../../domain/org";
import type { BillingProvider } from "../../ports/billing";
import type { Versioned } from "../../ports/versioned";
import { resolveCallerAccess } from "../caller-access";
import type { BillingDeps } from "./billing-deps";

export interface BillingContext {
  deps: BillingDeps;
  caller: Caller;
  org: Versioned<OrgRecord>;
  plan: PlanState;
  /** Users holding a license now (seats may never go below it). */
  licensed: number;
  /** Built on first use, so pages without Chargebee calls work while billing is not configured. */
  billing: () => BillingProvider;
}

/**
 * What pricing an order and asking Chargebee for its estimate need: the org as stored, its
 * licensed users and the provider, without the caller. User management prices seats on it
 * for Timetracker Administrators too (who may not open the Subscription page).
 */
export type OrderContext = Pick<BillingContext, "deps" | "org" | "licensed" | "billing">;

export const PCA_ONLY_MESSAGE =
  "Only Project Collection Administrators can see and change the Timetracker subscription.";

/** Every subscription call: PCAs only (whatever their Timetracker role), then the org as it is now. */
export async function billingContext(deps: BillingDeps, caller: Caller): Promise<BillingContext> {
  if (!(await caller.isPca())) throw new ForbiddenError(PCA_ONLY_MESSAGE);
  const access = await resolveCallerAccess(deps.access, caller);
  const licensed = await deps.licensedCount(caller.orgId, access.org.value.defaultRole);
  return { deps, caller, org: access.org, plan: access.plan, licensed, billing: deps.provider };
}

/** The context again after a write, so the answer shows the stored snapshot. */
export async function reloadContext(ctx: BillingContext): Promise<BillingContext> {
  const org = await ctx.deps.orgs.get(ctx.caller.orgId);
  if (!org) return ctx;
  return { ...ctx, org, plan: planState(org.value, ctx.deps.now()) };
}
