import type { GrantRole, MemberRecord, RuleGrant } from "./member";
import { effectiveRole, highestRole, roleAtLeast, roleLabel, type AssignedRole, type Role } from "./roles";

/**
 * Where a member's role comes from (docs/decisions/0009-group-rules.md): their direct
 * assignment and one part per group rule whose group they are in. Pure rules.
 */
export type RoleParts = Pick<MemberRecord, "direct" | "grants">;

/** Every part of a member's role, in order: the direct assignment, then each rule's. */
function partsOf(parts: RoleParts): AssignedRole[] {
  return [parts.direct, ...parts.grants.map((g) => g.role)];
}

/**
 * The effective role: the highest of every part, with Default resolved to the org's default
 * role now. A member leaving a rule's group keeps whatever the other parts give.
 */
export function effectiveRoleOf(parts: RoleParts, defaultRole: Role): Role {
  return highestRole(partsOf(parts).map((p) => effectiveRole(p, defaultRole)));
}

/**
 * The seat role the ledger counts: the highest explicit part when there is one (it holds a
 * seat whatever the default role is), else Default when any part follows the default role,
 * else None. Its seat category is exactly the member's licensing under every default role.
 */
export function seatRole(parts: RoleParts): AssignedRole {
  const all = partsOf(parts);
  const explicit = all.filter((p): p is Role => p !== "Default" && p !== "None");
  if (explicit.length > 0) return highestRole(explicit);
  return all.includes("Default") ? "Default" : "None";
}

/** The parts after a rule grants `role` (or, with null, after the member left the rule's group). */
export function withRuleGrant(parts: RoleParts, rule: { id: string; name: string }, role: GrantRole | null): RoleParts {
  const others = parts.grants.filter((g) => g.ruleId !== rule.id);
  const grants: RuleGrant[] = role === null ? others : [...others, { ruleId: rule.id, ruleName: rule.name, role }];
  grants.sort((a, b) => a.ruleId.localeCompare(b.ruleId));
  return { direct: parts.direct, grants };
}

export function sameParts(a: RoleParts, b: RoleParts): boolean {
  if (a.direct !== b.direct || a.grants.length !== b.grants.length) return false;
  const key = (g: RuleGrant) => `${g.ruleId}\u0000${g.role}`;
  const bKeys = new Set(b.grants.map(key));
  return a.grants.every((g) => bKeys.has(key(g)));
}

/**
 * Why a direct change is refused, or null: setting a member to None while a rule licenses
 * them would be undone by the next sync, so it is refused with the rules named.
 */
export function directChangeRefusal(parts: RoleParts, to: AssignedRole, displayName: string): string | null {
  if (to !== "None" || parts.grants.length === 0) return null;
  const names = parts.grants.map((g) => g.ruleName);
  const rules =
    names.length === 1 ? `the group rule "${names[0]}"` : `the group rules ${names.map((n) => `"${n}"`).join(", ")}`;
  return `${displayName || "This user"} is licensed by ${rules}; set them to None by removing them from the group in Azure DevOps or by deleting the rule.`;
}

const OWN_ADMINISTRATOR_KEPT =
  "You cannot take away your own Administrator role: you would lose access to user management. Ask another Timetracker Administrator or a Project Collection Administrator to change it.";

/**
 * A Timetracker Administrator who is no Project Collection Administrator manages users only
 * through that role: a direct change that leaves them below Administrator (a rule may still
 * give it) would lock them out of this page, so it is refused for them alone.
 */
export function ownRoleChangeRefusal(parts: RoleParts, to: AssignedRole, defaultRole: Role): string | null {
  const after = effectiveRoleOf({ direct: to, grants: parts.grants }, defaultRole);
  return roleAtLeast(after, "Administrator") ? null : OWN_ADMINISTRATOR_KEPT;
}

/**
 * The same for the default role: an Administrator only through Default (no PCA) who moves the
 * default below Administrator would lock themselves out.
 */
export function ownDefaultRoleRefusal(parts: RoleParts, defaultRole: Role): string | null {
  if (roleAtLeast(effectiveRoleOf(parts, defaultRole), "Administrator")) return null;
  return `You are an Administrator through the default role: changing it to ${defaultRole} would take away your access to user management. Give yourself the Administrator role first, or ask another Timetracker Administrator or a Project Collection Administrator.`;
}

/** A member Timetracker has no record of: no part at all. */
export const NO_PARTS: RoleParts = { direct: "None", grants: [] };

/**
 * How the role reads in lists: "Default (Team)" for a member only on Default, else the
 * effective role ("Product" when a rule gives more than the direct assignment).
 */
export function roleLabelOf(parts: RoleParts, defaultRole: Role): string {
  if (parts.grants.length === 0) return roleLabel(parts.direct, defaultRole);
  const effective = effectiveRoleOf(parts, defaultRole);
  return seatRole(parts) === "Default" ? `Default (${effective})` : effective;
}

/** Which part of their role the licensed list filters members by. */
export type SourceFilter = { kind: "direct" } | { kind: "rules" } | { kind: "rule"; ruleId: string };

/**
 * Where a member's role comes from, as the Source column reads: "Direct" when an
 * administrator assigned a role (anything but None), then "Rule: <group>" per rule whose
 * group the member is in, by name. Every part is named, also one a higher part outranks.
 * The licensed list's source filter (adapters/cosmos member roster) reads the same parts.
 */
export function roleSourceLabels(parts: RoleParts): string[] {
  const direct = parts.direct === "None" ? [] : ["Direct"];
  const rules = parts.grants.map((g) => `Rule: ${g.ruleName}`).sort((a, b) => a.localeCompare(b));
  return [...direct, ...rules];
}
