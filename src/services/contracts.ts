// HTTP contracts the front end consumes. Kept here until the lead moves them to a shared
// place that the backend validates with zod; then these become imports from there.

export type Role = "None" | "Team" | "Product" | "Budget" | "Administrator";
/** "Default" points at the org's default role: the effective role follows it. */
export type AssignedRole = Role | "Default";
export type HostType = "cloud" | "server";

/** GET /api/me */
export interface MeResponse {
  user: { id: string; displayName: string; email: string };
  org: { id: string; name: string };
  role: { assigned: AssignedRole; effective: Role };
  /** Project Collection Administrator: manages users and the subscription whatever the role. */
  isPca: boolean;
  /** Holds a seat: effective role other than None. */
  licensed: boolean;
  hostType: HostType;
  trial: { endsAt: string; daysLeft: number } | null;
  /** Shape owned by the billing contract; not read by the UI yet. */
  plan: unknown;
}

/** Body of every error answer. */
export interface ErrorResponse {
  error: { code: string; message: string };
}
