import { describe, expect, it } from "vitest";
import { can, effectiveRole, isAssignedRole, isLicensed, roleLabel } from "./roles";

describe("roles", () => {
  it("resolves Default to the org's default role at the moment of asking", () => {
    expect(effectiveRole("Default", "Team")).toBe("Team");
    expect(effectiveRole("Default", "Product")).toBe("Product");
    expect(effectiveRole("Budget", "Team")).toBe("Budget");
  });

  it("licenses every role but None", () => {
    expect(isLicensed("None")).toBe(false);
    expect(["Team", "Product", "Budget", "Administrator"].every((r) => isLicensed(r as "Team"))).toBe(true);
  });

  it("follows the capability table of docs/architecture.md", () => {
    expect(can("Team", "trackTime")).toBe(true);
    expect(can("Team", "viewAllWorklogs")).toBe(false);
    expect(can("Product", "viewAllWorklogs")).toBe(true);
    expect(can("Product", "addTimeForOthers")).toBe(true);
    expect(can("Product", "budgets")).toBe(false);
    expect(can("Budget", "budgets")).toBe(true);
    expect(can("Budget", "manageUsers")).toBe(false);
    expect(can("Administrator", "manageUsers")).toBe(true);
    expect(can("Administrator", "manageSettings")).toBe(true);
    expect(can("None", "trackTime")).toBe(false);
  });

  it("labels members on the default role like the Permissions page", () => {
    expect(roleLabel("Default", "Team")).toBe("Default (Team)");
    expect(roleLabel("Product", "Team")).toBe("Product");
  });

  it("rejects unknown role names", () => {
    expect(isAssignedRole("Default")).toBe(true);
    expect(isAssignedRole("Admin")).toBe(false);
    expect(isAssignedRole(3)).toBe(false);
  });
});
