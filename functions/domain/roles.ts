/**
 * Roles and what they may do (docs/architecture.md, "Roles and plans at a glance"). Pure: no I/O.
 */
export const ROLES = ["None", "Team", "Product", "Budget", "Administrator"] as const;
export type Role = (typeof ROLES)[number];
/** What a member is assigned: a role, or the pointer to the org's default role. */
export type AssignedRole = Role | "Default";
export const ASSIGNABLE_ROLES: readonly AssignedRole[] = ["Default", ...ROLES];

/** Numeric ids kept compatible with 7pace's REST API role ids. */
export const ROLE_IDS: Record<AssignedRole, number> = {
  None: 0,
  Team: 1,
  Product: 2,
  Budget: 3,
  Administrator: 4,
  Default: 5,
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isAssignedRole(value: unknown): value is AssignedRole {
  return value === "Default" || isRole(value);
}

/** A member on "Default" has whatever the org's default role is now. */
export function effectiveRole(assigned: AssignedRole, defaultRole: Role): Role {
  return assigned === "Default" ? defaultRole : assigned;
}

/** None uses no seat and has no access; every other role is licensed. */
export function isLicensed(role: Role): boolean {
  return role !== "None";
}

const RANK: Record<Role, number> = { None: 0, Team: 1, Product: 2, Budget: 3, Administrator: 4 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** The highest of some roles (None for none). */
export function highestRole(roles: readonly Role[]): Role {
  return roles.reduce<Role>((best, role) => (RANK[role] > RANK[best] ? role : best), "None");
}

export type Capability =
  "trackTime" | "viewAllWorklogs" | "addTimeForOthers" | "budgets" | "manageSettings" | "manageUsers";

const MINIMUM_ROLE: Record<Capability, Role> = {
  trackTime: "Team",
  viewAllWorklogs: "Product",
  addTimeForOthers: "Product",
  budgets: "Budget",
  manageSettings: "Administrator",
  manageUsers: "Administrator",
};

export function can(role: Role, capability: Capability): boolean {
  return isLicensed(role) && roleAtLeast(role, MINIMUM_ROLE[capability]);
}

/** Display label, e.g. "Default (Team)" for members following the default role. */
export function roleLabel(assigned: AssignedRole, defaultRole: Role): string {
  return assigned === "Default" ? `Default (${defaultRole})` : assigned;
}
