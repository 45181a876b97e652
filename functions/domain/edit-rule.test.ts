import { describe, expect, it } from "vitest";
import { canReadWorklog, canSeeEntriesOf, decideEdit } from "./edit-rule";
import type { Role } from "./roles";

const OWNER = "owner-id";
const MANAGER = "manager-id";
const OTHER = "other-id";
const ADMIN_ONLY: Role[] = ["Administrator"];

const ownWorklog = { userId: OWNER, createdBy: OWNER, ownerHasEdited: false };
const onBehalf = { userId: OWNER, createdBy: MANAGER, ownerHasEdited: false };
const onBehalfOwnerEdited = { ...onBehalf, ownerHasEdited: true };

describe("decideEdit", () => {
  it("lets the owner edit their own time, whatever their role", () => {
    for (const role of ["Team", "Product", "Budget", "Administrator"] as const) {
      expect(decideEdit(ownWorklog, { userId: OWNER, role }, [])).toEqual({ allowed: true, reason: "owner" });
    }
  });

  it("lets the owner edit time someone added for them, before and after their own first change", () => {
    expect(decideEdit(onBehalf, { userId: OWNER, role: "Team" }, ADMIN_ONLY).allowed).toBe(true);
    expect(decideEdit(onBehalfOwnerEdited, { userId: OWNER, role: "Team" }, ADMIN_ONLY).allowed).toBe(true);
  });

  it("lets the creator edit time added on someone's behalf until the owner edits it", () => {
    expect(decideEdit(onBehalf, { userId: MANAGER, role: "Product" }, ADMIN_ONLY)).toEqual({
      allowed: true,
      reason: "creator",
    });
  });

  it("locks the creator out once the owner has edited", () => {
    const decision = decideEdit(onBehalfOwnerEdited, { userId: MANAGER, role: "Product" }, ADMIN_ONLY);
    expect(decision).toMatchObject({ allowed: false, reason: "owner-has-edited" });
    expect(decision.allowed === false && decision.message).toMatch(/only they can change it/);
  });

  it("locks out a creator whose role no longer allows adding time for others", () => {
    expect(decideEdit(onBehalf, { userId: MANAGER, role: "Team" }, ADMIN_ONLY)).toMatchObject({
      allowed: false,
      reason: "creator-lost-right",
    });
  });

  it("lets a role selected under Editing Time edit anyone's time, even after the owner edited", () => {
    expect(decideEdit(onBehalfOwnerEdited, { userId: OTHER, role: "Administrator" }, ADMIN_ONLY)).toEqual({
      allowed: true,
      reason: "editing-time-role",
    });
    expect(decideEdit(ownWorklog, { userId: OTHER, role: "Product" }, ["Product"])).toEqual({
      allowed: true,
      reason: "editing-time-role",
    });
    expect(decideEdit(onBehalfOwnerEdited, { userId: MANAGER, role: "Budget" }, ["Budget"])).toEqual({
      allowed: true,
      reason: "editing-time-role",
    });
  });

  it("refuses anyone else, including roles not selected under Editing Time", () => {
    expect(decideEdit(ownWorklog, { userId: OTHER, role: "Budget" }, ADMIN_ONLY)).toMatchObject({
      allowed: false,
      reason: "not-yours",
    });
    expect(decideEdit(ownWorklog, { userId: OTHER, role: "Administrator" }, [])).toMatchObject({
      allowed: false,
      reason: "not-yours",
    });
  });

  it("refuses a user without a license, even the owner and even if None were listed", () => {
    expect(decideEdit(ownWorklog, { userId: OWNER, role: "None" }, ["None"])).toMatchObject({
      allowed: false,
      reason: "no-access",
    });
  });
});

describe("visibility", () => {
  it("shows Team members only their own entries", () => {
    expect(canSeeEntriesOf({ userId: OWNER, role: "Team" }, OWNER, ADMIN_ONLY)).toBe(true);
    expect(canSeeEntriesOf({ userId: OTHER, role: "Team" }, OWNER, ADMIN_ONLY)).toBe(false);
  });

  it("shows Product and above everyone's entries", () => {
    for (const role of ["Product", "Budget", "Administrator"] as const) {
      expect(canSeeEntriesOf({ userId: OTHER, role }, OWNER, [])).toBe(true);
    }
  });

  it("shows others' entries to a Team member whose role may edit everyone's time", () => {
    expect(canSeeEntriesOf({ userId: OTHER, role: "Team" }, OWNER, ["Team"])).toBe(true);
  });

  it("shows nothing to None", () => {
    expect(canSeeEntriesOf({ userId: OWNER, role: "None" }, OWNER, [])).toBe(false);
    expect(canReadWorklog(ownWorklog, { userId: OWNER, role: "None" }, [])).toBe(false);
  });

  it("lets the creator of time added on someone's behalf read it", () => {
    expect(canReadWorklog(onBehalf, { userId: MANAGER, role: "Team" }, [])).toBe(true);
    expect(canReadWorklog(onBehalf, { userId: OTHER, role: "Team" }, [])).toBe(false);
  });
});
