import { ASSIGNABLE_ROLES, isLicensed, ROLES, type AssignedRole, type Role } from "../domain/roles";

/**
 * Role names for the pages, from the one list the backend uses. The pages take these lists
 * (and the server's decisions) instead of declaring roles of their own.
 */
export { ROLES, ASSIGNABLE_ROLES };
export type { AssignedRole, Role };

/** Roles that hold a license, from the most limited to Administrator. */
export const LICENSED_ROLES: readonly Role[] = ROLES.filter(isLicensed);

/** What + Add Users can give: every assignable role but None (adding is licensing). */
export const ADDABLE_ROLES: readonly AssignedRole[] = ASSIGNABLE_ROLES.filter((role) => role !== "None");
