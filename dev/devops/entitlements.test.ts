import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fabrikam } from "./seed";
import { startClient, type StandinClient } from "./test-support";
import type { Entitlement, EntitlementPage, WireError } from "./test-wire-shapes";

const ENTITLEMENTS = "/vsaex/fabrikam/_apis/userentitlements?api-version=7.1";
let client: StandinClient;
let token: string;

beforeAll(async () => {
  client = await startClient({ pageSizes: { entitlements: 10 } });
  token = (await client.tokens("fabrikam", "priya.patel@fabrikam.example")).accessToken;
});
afterAll(() => client.standin.stop());

describe("user entitlements", () => {
  it("pages in the body with continuationToken and reports the total", async () => {
    const members: Entitlement[] = [];
    const pageLengths: number[] = [];
    let continuation: string | null = null;
    do {
      const query: string = continuation ? `&continuationToken=${encodeURIComponent(continuation)}` : "";
      const res = await client.call<EntitlementPage>(`${ENTITLEMENTS}${query}`, { auth: token });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ms-continuationtoken")).toBeNull();
      expect(res.body.totalCount).toBe(25);
      members.push(...res.body.items);
      pageLengths.push(res.body.items.length);
      continuation = res.body.continuationToken ?? null;
      // The documented field is a string; the last page has none.
      if (continuation === null) expect(res.body).not.toHaveProperty("continuationToken");
    } while (continuation);
    expect(pageLengths).toEqual([10, 10, 5]);
    expect(members.map((m) => m.id)).toEqual(fabrikam.users.map((u) => u.id));
  });

  it("gives every user Basic except the one Stakeholder", async () => {
    const res = await client.call<EntitlementPage>(
      `${ENTITLEMENTS}&$filter=${encodeURIComponent("name eq 'Becker'")}`,
      { auth: token },
    );
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].accessLevel).toMatchObject({
      accountLicenseType: "stakeholder",
      licenseDisplayName: "Stakeholder",
      status: "active",
    });
    const stakeholders = await client.call<EntitlementPage>(
      `${ENTITLEMENTS}&$filter=${encodeURIComponent("licenseId eq 'Account-Stakeholder'")}`,
      { auth: token },
    );
    expect(stakeholders.body.items.map((m: Entitlement) => m.user.displayName)).toEqual(["Tom Becker"]);
    const priya = (await client.call<EntitlementPage>(ENTITLEMENTS, { auth: token })).body.items[0];
    expect(priya.accessLevel).toMatchObject({ accountLicenseType: "express", licenseDisplayName: "Basic" });
    expect(priya.user.principalName).toBe("priya.patel@fabrikam.example");
    expect(priya.user.descriptor).toMatch(/^aad\./);
  });

  it("filters by name or email substring and rejects filters it does not know", async () => {
    const res = await client.call<EntitlementPage>(
      `${ENTITLEMENTS}&$filter=${encodeURIComponent("name eq 'o''connor'")}`,
      { auth: token },
    );
    expect(res.body.items.map((m: Entitlement) => m.user.displayName)).toEqual(["Liam O'Connor"]);
    expect(res.body.totalCount).toBe(1);
    const bad = await client.call<EntitlementPage>(`${ENTITLEMENTS}&$filter=${encodeURIComponent("color eq 'blue'")}`, {
      auth: token,
    });
    expect(bad.status).toBe(400);
  });

  it("shows access level changes", async () => {
    client.standin.state.org("fabrikam").setAccessLevel("grace.wright@fabrikam.example", "stakeholder");
    const res = await client.call<EntitlementPage>(
      `${ENTITLEMENTS}&$filter=${encodeURIComponent("licenseId eq 'Account-Stakeholder'")}`,
      { auth: token },
    );
    expect(res.body.items.map((m: Entitlement) => m.user.displayName).sort()).toEqual(["Grace Wright", "Tom Becker"]);
  });

  it("filters with the documented and / or / parentheses, licenseStatus and userType", async () => {
    const q = <T = EntitlementPage>(filter: string) =>
      client.call<T>(`${ENTITLEMENTS}&$filter=${encodeURIComponent(filter)}`, { auth: token });
    const either = await q(
      "((licenseId eq 'Account-Express' and name eq 'Priya') or name eq 'Becker') and userType eq 'member'",
    );
    expect(either.status).toBe(200);
    expect(either.body.items.map((m: Entitlement) => m.user.displayName).sort()).toEqual(["Priya Patel", "Tom Becker"]);
    expect((await q("licenseStatus eq 'Disabled'")).body.items).toEqual([]);
    expect((await q("userType eq 'guest'")).body.totalCount).toBe(0);
    for (const bad of ["name eq 'x' and", "(name eq 'x'", "name startswith 'x'", "name eq x"]) {
      const res = await q<WireError>(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.typeKey).toBe("InvalidFilterException");
    }
  });

  it("serves only the api-version the 7.1 specification documents", async () => {
    for (const version of ["8.0", "7.1-preview.1", "7.0-preview"]) {
      const res = await client.call<WireError>(`/vsaex/fabrikam/_apis/userentitlements?api-version=${version}`, {
        auth: token,
      });
      expect(res.status, version).toBe(400);
      expect(res.body).toMatchObject({ typeKey: "VssVersionOutOfRangeException", $id: "1" });
      expect(res.body.message).toContain(version);
    }
    expect((await client.call("/vsaex/fabrikam/_apis/userentitlements", { auth: token })).status).toBe(400);
    // As azure-devops-node-api sends it: in the Accept header.
    const viaHeader = await fetch(`${client.standin.url}/vsaex/fabrikam/_apis/userentitlements`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json;api-version=7.1" },
    });
    expect(viaHeader.status).toBe(200);
    const wrongHeader = await fetch(`${client.standin.url}/vsaex/fabrikam/_apis/userentitlements`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json;api-version=6.0-preview.3" },
    });
    expect(wrongHeader.status).toBe(400);
    // 7.1-preview.3, which the backend used to send, is not a version the 7.1 specification lists.
    expect(
      (await client.call("/vsaex/fabrikam/_apis/userentitlements?api-version=7.1-preview.3", { auth: token })).status,
    ).toBe(400);
  });
});
