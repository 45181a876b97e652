import type { AssignedRole, Role } from "../domain/roles";

/** GET /api/me: who is signed in and what they may do. The front end imports this type. */
export interface MeResponse {
  user: { id: string; displayName: string; email: string };
  org: { id: string; name: string };
  role: { assigned: AssignedRole; effective: Role; label: string };
  isPca: boolean;
  /** The server's decision: a PCA (any role) or a Timetracker Administrator may manage users. */
  mayManageUsers: boolean;
  licensed: boolean;
  /** Licensed and the plan allows use now. */
  hasAccess: boolean;
  hostType: "cloud" | "server";
  trial: { endsAt: string; daysLeft: number } | null;
  plan: { kind: "trial" | "trial_expired" | "subscribed" | "cancelled"; name: string };
}
