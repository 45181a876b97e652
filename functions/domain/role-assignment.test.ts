import { describe, expect, it } from "vitest";
import { duplicateKeys, mayManageUsers, normaliseSearch, resolveRoleReference, searchText } from "./role-assignment";

describe("who may manage users", () => {
  it("lets PCAs in whatever their role, and Administrators", () => {
    expect(mayManageUsers({ isPca: true, effective: "None" })).toBe(true);
    expect(mayManageUsers({ isPca: false, effective: "Administrator" })).toBe(true);
    expect(mayManageUsers({ isPca: false, effective: "Budget" })).toBe(false);
    expect(mayManageUsers({ isPca: false, effective: "Team" })).toBe(false);
    expect(mayManageUsers({ isPca: false, effective: "None" })).toBe(false);
  });
});

describe("role references (7pace REST API)", () => {
  it("finds roles by name, case-insensitively, or by 7pace's ids", () => {
    expect(resolveRoleReference({ name: "team" })).toEqual({ ok: true, role: "Team" });
    expect(resolveRoleReference({ name: " Administrator " })).toEqual({ ok: true, role: "Administrator" });
    expect(resolveRoleReference({ id: 0 })).toEqual({ ok: true, role: "None" });
    expect(resolveRoleReference({ id: 5 })).toEqual({ ok: true, role: "Default" });
    expect(resolveRoleReference({ id: "2" })).toEqual({ ok: true, role: "Product" });
    expect(resolveRoleReference({ name: "Budget", id: 3 })).toEqual({ ok: true, role: "Budget" });
  });

  it("explains every bad reference", () => {
    const message = (ref: unknown) => {
      const r = resolveRoleReference(ref as never);
      return r.ok ? "" : r.message;
    };
    expect(message(undefined)).toMatch(/role is required/);
    expect(message({})).toMatch(/needs a name or an id/);
    expect(message({ name: "Admin" })).toMatch(/Unknown role name 'Admin'.*Administrator \(4\)/);
    expect(message({ id: 9 })).toMatch(/Unknown role id 9/);
    expect(message({ id: 1.5 })).toMatch(/must be an integer/);
    expect(message({ name: 7 })).toMatch(/must be a string/);
    expect(message({ name: "Team", id: 4 })).toMatch(/different roles/);
  });
});

describe("request helpers", () => {
  it("finds keys listed more than once", () => {
    expect([...duplicateKeys(["a", "b", "a", "c", "b", "a"], (k) => k)].sort()).toEqual(["a", "b"]);
    expect(duplicateKeys([{ k: null }, { k: null }], (e) => e.k).size).toBe(0);
  });

  it("folds names and search text the same way", () => {
    expect(searchText("Sofía Hernández", "Sofia.Hernandez@Fabrikam.example")).toBe(
      "sofía hernández sofia.hernandez@fabrikam.example",
    );
    expect(normaliseSearch("  Sofía   HER ")).toBe("sofía her");
    expect(normaliseSearch(undefined)).toBe("");
  });
});
