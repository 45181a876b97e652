import type { Role } from "./roles";

/**
 * The org's own document: created on first use, holds the trial start, the default role,
 * org-wide settings and the subscription snapshot. Guarded by etags on every write.
 */
export interface OrgRecord {
  /** Azure DevOps organization (collection) id, proven through connectionData. */
  id: string;
  name: string;
  createdAt: string;
  trialStartedAt: string;
  defaultRole: Role;
  /** Snapshot of the Chargebee subscription, written only from Chargebee's confirmations. */
  subscription: SubscriptionSnapshot | null;
  /**
   * Chargebee subscriptions of this org that were deleted (the latest few): no later word
   * about them applies, however late it arrives. Absent on orgs stored before it existed.
   */
  deletedSubscriptionIds?: string[];
  settings: OrgSettings;
}

export interface OrgSettings {
  /** Roles allowed to edit other users' time (Settings › Rules › "Editing Time"). */
  editingTimeRoles: Role[];
  preventTimeOnClosedItems: boolean;
}

export type PlanId = "free" | "start" | "team" | "ultimate";
export type BillingPeriod = "monthly" | "yearly";

export interface SubscriptionSnapshot {
  plan: PlanId;
  status: "active" | "non_renewing" | "cancelled" | "in_trial" | "paused" | "future";
  seats: number;
  billingPeriod: BillingPeriod;
  chargebeeSubscriptionId: string | null;
  chargebeeCustomerId: string | null;
  currentTermEnd: string | null;
  nextBillingAt: string | null;
  /** Chargebee's resource_version of the subscription this snapshot came from. */
  resourceVersion: number;
  updatedAt: string;
}

export const DEFAULT_SETTINGS: OrgSettings = { editingTimeRoles: ["Administrator"], preventTimeOnClosedItems: false };

export function newOrg(id: string, name: string, now: Date): OrgRecord {
  return {
    id,
    name,
    createdAt: now.toISOString(),
    trialStartedAt: now.toISOString(),
    defaultRole: "Team",
    subscription: null,
    settings: { ...DEFAULT_SETTINGS },
  };
}
