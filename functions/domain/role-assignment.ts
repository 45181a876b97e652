import { ASSIGNABLE_ROLES, ROLE_IDS, can, type AssignedRole, type Role } from "./roles";

/**
 * Rules about who may assign roles and how a role is named in requests (7pace-compatible
 * REST API: a role by name or by numeric id). Pure.
 */

/** Project Collection Administrators (any role, licensed or not) and Timetracker Administrators. */
export function mayManageUsers(who: { isPca: boolean; effective: Role }): boolean {
  return who.isPca || can(who.effective, "manageUsers");
}

export const MANAGE_USERS_DENIED =
  "Only Project Collection Administrators and Timetracker Administrators can manage Timetracker users and roles.";

export type RoleReference = { name?: unknown; id?: unknown };

export type RoleLookup = { ok: true; role: AssignedRole } | { ok: false; message: string };

const ROLE_BY_ID = new Map<number, AssignedRole>(ASSIGNABLE_ROLES.map((role) => [ROLE_IDS[role], role]));

function roleByName(name: string): AssignedRole | undefined {
  const key = name.trim().toLowerCase();
  return ASSIGNABLE_ROLES.find((role) => role.toLowerCase() === key);
}

const KNOWN = `${ASSIGNABLE_ROLES.map((r) => `${r} (${ROLE_IDS[r]})`).join(", ")}`;

/** Resolves `{ name }` or `{ id }` (names are case-insensitive); both given must agree. */
export function resolveRoleReference(ref: RoleReference | undefined): RoleLookup {
  if (ref === undefined || ref === null || typeof ref !== "object") {
    return { ok: false, message: `role is required: { "name": "Team" } or { "id": 1 }. Roles: ${KNOWN}.` };
  }
  const { name, id } = ref;
  if (name === undefined && id === undefined) {
    return { ok: false, message: `role needs a name or an id. Roles: ${KNOWN}.` };
  }
  let byName: AssignedRole | undefined;
  if (name !== undefined) {
    if (typeof name !== "string") return { ok: false, message: "role.name must be a string." };
    byName = roleByName(name);
    if (!byName) return { ok: false, message: `Unknown role name '${name}'. Roles: ${KNOWN}.` };
  }
  let byId: AssignedRole | undefined;
  if (id !== undefined) {
    const numeric = typeof id === "string" && /^\d+$/.test(id.trim()) ? Number(id) : id;
    if (typeof numeric !== "number" || !Number.isInteger(numeric))
      return { ok: false, message: "role.id must be an integer." };
    byId = ROLE_BY_ID.get(numeric);
    if (!byId) return { ok: false, message: `Unknown role id ${numeric}. Roles: ${KNOWN}.` };
  }
  if (byName && byId && byName !== byId) {
    return { ok: false, message: `role.name '${String(name)}' and role.id ${String(id)} name different roles.` };
  }
  return { ok: true, role: (byName ?? byId)! };
}

/** The keys under which entries of one request are considered the same user. */
export function duplicateKeys<T>(entries: readonly T[], keyOf: (entry: T) => string | null): Set<string> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (key === null) continue;
    if (seen.has(key)) duplicates.add(key);
    seen.add(key);
  }
  return duplicates;
}

/** Lower-cased text a member is found by (name or email, anywhere in the text). */
export function searchText(displayName: string, email: string): string {
  return `${displayName} ${email}`.toLowerCase();
}

/** Search terms as typed: trimmed, lower-cased, inner whitespace collapsed; empty means no search. */
export function normaliseSearch(text: string | undefined): string {
  return (text ?? "").trim().replace(/\s+/g, " ").toLowerCase();
}
