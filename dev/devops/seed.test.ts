import { describe, expect, it } from "vitest";
import { DevopsState } from "./state";
import { contoso, fabrikam, seedOrgs, seedPcaEmails } from "./seed";

describe("seed", () => {
  it("keeps its ids across runs (other tests and stored dev data refer to them)", () => {
    expect(fabrikam.id).toBe("7f075dd3-f821-517e-b68e-ad4ee91705c2");
    expect(fabrikam.users[0].id).toBe("85fc1fb7-6112-5c89-8dfa-fe8b111f7c13");
    expect(contoso.id).toBe("d316df90-bcd6-5322-9d9c-598afb9fa06d");
  });

  it("gives fabrikam 25 users, 3 PCAs led by Priya Patel, and one Stakeholder", () => {
    expect(fabrikam.users).toHaveLength(25);
    expect(fabrikam.users[0].displayName).toBe("Priya Patel");
    expect(seedPcaEmails(fabrikam)).toHaveLength(3);
    expect(seedPcaEmails(fabrikam)).toContain(fabrikam.users[0].email);
    expect(fabrikam.users.filter((u) => u.accessLevel === "stakeholder").map((u) => u.displayName)).toEqual([
      "Tom Becker",
    ]);
    expect(new Set(fabrikam.users.map((u) => u.id)).size).toBe(25);
    expect(fabrikam.users.every((u) => u.email.endsWith("@fabrikam.example"))).toBe(true);
  });

  it("gives contoso 4 users, 1 PCA, 1 project and 2 work items", () => {
    expect(contoso.users).toHaveLength(4);
    expect(seedPcaEmails(contoso)).toEqual(["alex.rivera@contoso.example"]);
    expect(contoso.projects.map((p) => p.name)).toEqual(["Contoso Portal"]);
    expect(contoso.workItems).toHaveLength(2);
  });

  it("only links work items to parents of the same project", () => {
    for (const org of seedOrgs) {
      for (const item of org.workItems.filter((w) => w.parentId !== undefined)) {
        expect(org.workItems.find((w) => w.id === item.parentId)?.project, `${org.name} #${item.id}`).toBe(
          item.project,
        );
      }
    }
  });

  it("builds a state where PCA status follows the administrators group", () => {
    const org = new DevopsState(seedOrgs).org("fabrikam");
    expect(fabrikam.users.filter((u) => org.isPca(u.id)).map((u) => u.displayName)).toEqual([
      "Priya Patel",
      "Daniel Kim",
      "Sofía Hernández",
    ]);
  });

  it("gives Fabrikam Mobile a Project Administrators group with Isabella Costa, who is no PCA", () => {
    const org = new DevopsState(seedOrgs).org("fabrikam");
    const admins = org.group("[Fabrikam Mobile]\\Project Administrators");
    const isabella = org.user("isabella.costa@fabrikam.example");
    expect(org.memberships.directMembers(admins.descriptor)).toEqual([isabella.descriptor]);
    expect({ isPcaGroup: admins.isPcaGroup, isabellaIsPca: org.isPca(isabella.id) }).toEqual({
      isPcaGroup: false,
      isabellaIsPca: false,
    });
  });

  it("refuses a membership cycle and changes nothing", () => {
    const org = new DevopsState(seedOrgs).org("fabrikam");
    expect(() => org.addGroupMember("Platform Team", "Engineering")).toThrow(/member of itself/);
    expect(org.memberships.directMembers(org.group("Platform Team").descriptor)).toHaveLength(4);
  });

  it("names the ambiguous group instead of guessing", () => {
    const org = new DevopsState(seedOrgs).org("fabrikam");
    expect(() => org.group("Contributors")).toThrow(/\[Fabrikam Web\]\\Contributors/);
  });
});
