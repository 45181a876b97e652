import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GrantRole, RuleGrant } from "./member";
import {
  directChangeRefusal,
  effectiveRoleOf,
  roleLabelOf,
  roleSourceLabels,
  seatRole,
  withRuleGrant,
  type RoleParts,
} from "./role-sources";
import { ASSIGNABLE_ROLES, ROLES, effectiveRole, isLicensed, roleAtLeast, type AssignedRole, type Role } from "./roles";
import { categoryOf, defaultIsCounted } from "./seats";

const ENGINEERING = { id: "rule-eng", name: "Engineering" };
const SUPPORT = { id: "rule-sup", name: "Support" };

function parts(direct: AssignedRole, ...grants: [string, GrantRole][]): RoleParts {
  return { direct, grants: grants.map(([ruleId, role]): RuleGrant => ({ ruleId, ruleName: ruleId, role })) };
}

const grantRole = fc.constantFrom<GrantRole>("Default", "Team", "Product", "Budget", "Administrator");
const assigned = fc.constantFrom<AssignedRole>(...ASSIGNABLE_ROLES);
const defaultRole = fc.constantFrom<Role>(...ROLES);
const roleParts = fc.record({
  direct: assigned,
  grants: fc.uniqueArray(
    fc.record({ ruleId: fc.constantFrom("a", "b", "c", "d"), ruleName: fc.constant("r"), role: grantRole }),
    {
      selector: (g) => g.ruleId,
      maxLength: 4,
    },
  ),
});

describe("a member's effective role", () => {
  it("is the highest of the direct assignment and every rule's part", () => {
    expect(effectiveRoleOf(parts("Team", ["eng", "Product"]), "Team")).toBe("Product");
    expect(effectiveRoleOf(parts("Administrator", ["eng", "Team"]), "Team")).toBe("Administrator");
    expect(effectiveRoleOf(parts("None", ["eng", "Budget"], ["sup", "Team"]), "Team")).toBe("Budget");
    expect(effectiveRoleOf(parts("None"), "Team")).toBe("None");
  });

  it("resolves a rule's Default to the org's default role at read time", () => {
    const member = parts("Team", ["eng", "Default"]);
    expect(effectiveRoleOf(member, "Product")).toBe("Product");
    expect(effectiveRoleOf(member, "None")).toBe("Team");
  });

  it("keeps the direct assignment when the member leaves the group, and becomes None without one", () => {
    const withDirect = withRuleGrant(parts("Team", ["rule-eng", "Administrator"]), ENGINEERING, null);
    expect(effectiveRoleOf(withDirect, "Team")).toBe("Team");
    const ruleOnly = withRuleGrant(parts("None", ["rule-eng", "Product"]), ENGINEERING, null);
    expect(effectiveRoleOf(ruleOnly, "Team")).toBe("None");
    expect(seatRole(ruleOnly)).toBe("None");
  });

  it("holds a rule's part per rule: a second rule adds, leaving one keeps the other", () => {
    let member = withRuleGrant(parts("None"), ENGINEERING, "Team");
    member = withRuleGrant(member, SUPPORT, "Product");
    expect(effectiveRoleOf(member, "Team")).toBe("Product");
    member = withRuleGrant(member, SUPPORT, null);
    expect(member.grants.map((g) => g.ruleName)).toEqual(["Engineering"]);
    expect(effectiveRoleOf(member, "Team")).toBe("Team");
  });

  it("is never below any part, and equals one of them (property)", () => {
    fc.assert(
      fc.property(roleParts, defaultRole, (p, d) => {
        const effective = effectiveRoleOf(p, d);
        const all = [p.direct, ...p.grants.map((g) => g.role)].map((r) => effectiveRole(r, d));
        expect(all.every((r) => roleAtLeast(effective, r))).toBe(true);
        expect(all).toContain(effective);
      }),
    );
  });
});

describe("the seat role the ledger counts", () => {
  it("is licensed exactly when the effective role is, under every default role (property)", () => {
    fc.assert(
      fc.property(roleParts, defaultRole, (p, d) => {
        const category = categoryOf(seatRole(p));
        const counted = category === "explicit" || (category === "default" && defaultIsCounted(d));
        expect(counted).toBe(isLicensed(effectiveRoleOf(p, d)));
      }),
    );
  });

  it("prefers an explicit part to Default, and Default to None", () => {
    expect(seatRole(parts("Default", ["eng", "Team"]))).toBe("Team");
    expect(seatRole(parts("None", ["eng", "Default"]))).toBe("Default");
    expect(seatRole(parts("None"))).toBe("None");
  });
});

describe("a direct change to None", () => {
  it("is refused for a rule-licensed member, naming the rules", () => {
    const message = directChangeRefusal(parts("Team", ["eng", "Team"], ["sup", "Product"]), "None", "Priya Patel");
    expect(message).toContain("Priya Patel");
    expect(message).toContain('"eng", "sup"');
    expect(directChangeRefusal(parts("Team", ["eng", "Team"]), "Product", "Priya Patel")).toBeNull();
    expect(directChangeRefusal(parts("Team"), "None", "Priya Patel")).toBeNull();
  });
});

describe("the role's label", () => {
  it("shows Default (role) for members only on Default, else the effective role", () => {
    expect(roleLabelOf(parts("Default"), "Team")).toBe("Default (Team)");
    expect(roleLabelOf(parts("None", ["eng", "Default"]), "Product")).toBe("Default (Product)");
    expect(roleLabelOf(parts("Team", ["eng", "Budget"]), "Team")).toBe("Budget");
  });
});

describe("where a role comes from (the Source column)", () => {
  const named = (direct: AssignedRole, ...grants: [string, string, GrantRole][]): RoleParts => ({
    direct,
    grants: grants.map(([ruleId, ruleName, role]) => ({ ruleId, ruleName, role })),
  });

  it("says Direct for an administrator's assignment, Rule: <group> per rule, direct first and rules by name", () => {
    expect(roleSourceLabels(named("Team"))).toEqual(["Direct"]);
    expect(roleSourceLabels(named("Default"))).toEqual(["Direct"]);
    expect(roleSourceLabels(named("None", ["r1", "Engineering", "Team"]))).toEqual(["Rule: Engineering"]);
    expect(roleSourceLabels(named("Product", ["r2", "Support", "Team"], ["r1", "Engineering", "Budget"]))).toEqual([
      "Direct",
      "Rule: Engineering",
      "Rule: Support",
    ]);
  });

  it("names a source for every licensed member", () => {
    fc.assert(
      fc.property(roleParts, defaultRole, (p, d) => {
        if (isLicensed(effectiveRoleOf(p, d))) expect(roleSourceLabels(p).length).toBeGreaterThan(0);
        if (p.direct === "None" && p.grants.length === 0) expect(roleSourceLabels(p)).toEqual([]);
      }),
    );
  });
});
