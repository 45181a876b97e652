import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contoso, fabrikam } from "./seed";
import { startClient, type StandinClient } from "./test-support";
import type { ConnectionData, WireError, WireList, WorkItem } from "./test-wire-shapes";

const COLLECTION_PERMISSIONS = "/fabrikam/_apis/permissions/3e65f728-f8bc-4ecd-8764-7e378b19bfa7";
const PCA_CHECK = `${COLLECTION_PERMISSIONS}/2?api-version=7.1&tokens=NAMESPACE`;
const priya = fabrikam.users[0];
const marcus = fabrikam.users.find((u) => u.displayName === "Marcus Johnson")!;
let client: StandinClient;

beforeAll(async () => {
  client = await startClient();
});
afterAll(() => client.standin.stop());

describe("authentication on the REST routes", () => {
  it("answers 401 in Azure DevOps' error shape without credentials", async () => {
    const res = await client.call<WireError>("/fabrikam/_apis/connectionData");
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ $id: "1", typeKey: "UnauthorizedRequestException", errorCode: 0 });
    expect(res.body.message).toContain("anonymous access");
  });

  it("answers 401 for a forged or malformed token", async () => {
    const { accessToken } = await client.tokens("fabrikam", priya.id);
    const [header, , signature] = accessToken.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ nameid: priya.id, aud: `vso:${fabrikam.id}` })).toString(
      "base64url",
    );
    for (const token of [`${header}.${forgedPayload}.${signature}`, "not-a-jwt"]) {
      const res = await client.call<WireError>("/fabrikam/_apis/connectionData", { auth: token });
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/^VS30063/);
    }
  });

  it("refuses a token of one org on another org's URL, also on vssps and vsaex", async () => {
    const { accessToken } = await client.tokens("contoso", contoso.users[0].id);
    for (const path of [
      "/fabrikam/_apis/connectionData",
      "/vssps/fabrikam/_apis/graph/users",
      "/vsaex/fabrikam/_apis/userentitlements",
      "/fabrikam/_apis/wit/workitems/1",
    ]) {
      const res = await client.call(path, { auth: accessToken });
      expect(res.status, path).toBe(401);
    }
    const own = await client.call<WorkItem>("/contoso/_apis/wit/workitems/1", { auth: accessToken });
    expect(own.body.fields["System.Title"]).toBe("Partner sign-up form");
  });

  it("accepts a PAT as the Basic password of its own org only", async () => {
    const created = await client.call<{ token: string }>("/_dev/pats", {
      body: { org: "fabrikam", user: marcus.email },
    });
    const pat: string = created.body.token;
    const mine = await client.call<ConnectionData>("/fabrikam/_apis/connectionData", { auth: { pat } });
    expect(mine.body.authenticatedUser.id).toBe(marcus.id);
    expect((await client.call("/contoso/_apis/connectionData", { auth: { pat } })).status).toBe(401);
    expect((await client.call("/fabrikam/_apis/connectionData", { auth: { pat: `${pat}x` } })).status).toBe(401);
  });

  it("refuses the tokens of a user removed from the org", async () => {
    const { accessToken } = await client.tokens("fabrikam", "benjamin.lee@fabrikam.example");
    client.standin.state.org("fabrikam").removeUser("benjamin.lee@fabrikam.example");
    expect((await client.call("/fabrikam/_apis/connectionData", { auth: accessToken })).status).toBe(401);
  });
});

describe("connectionData", () => {
  it("returns the caller and the org id", async () => {
    const { accessToken } = await client.tokens("fabrikam", "mei.chen@fabrikam.example");
    const res = await client.call<ConnectionData>("/fabrikam/_apis/connectionData", { auth: accessToken });
    expect(res.status).toBe(200);
    const mei = fabrikam.users.find((u) => u.email === "mei.chen@fabrikam.example")!;
    expect(res.body.authenticatedUser).toMatchObject({
      id: mei.id,
      providerDisplayName: "Mei Chen",
      isActive: true,
      properties: { Account: { $type: "System.String", $value: mei.email } },
    });
    expect(res.body.authenticatedUser.subjectDescriptor).toMatch(/^aad\./);
    expect(res.body.authorizedUser.id).toBe(mei.id);
    expect(res.body.instanceId).toBe(fabrikam.id);
    expect(res.body.deploymentType).toBe("hosted");
  });

  it("is reached case-insensitively, like Azure DevOps routes", async () => {
    const { accessToken } = await client.tokens("fabrikam", priya.id);
    expect((await client.call("/Fabrikam/_APIS/ConnectionData?api-version=7.1", { auth: accessToken })).status).toBe(
      200,
    );
  });
});

describe("PCA permission check", () => {
  it("is true for a Project Collection Administrator and false for others", async () => {
    const asPriya = await client.call(PCA_CHECK, { auth: (await client.tokens("fabrikam", priya.id)).accessToken });
    expect(asPriya.body).toEqual({ count: 1, value: [true] });
    const asMarcus = await client.call(PCA_CHECK, { auth: (await client.tokens("fabrikam", marcus.id)).accessToken });
    expect(asMarcus.body).toEqual({ count: 1, value: [false] });
    // A project administrator is not a collection administrator.
    const isabella = (await client.tokens("fabrikam", "isabella.costa@fabrikam.example")).accessToken;
    expect((await client.call(PCA_CHECK, { auth: isabella })).body).toEqual({ count: 1, value: [false] });
  });

  it("follows PCA membership changes, including through a nested group", async () => {
    const org = client.standin.state.org("fabrikam");
    const rahul = (await client.tokens("fabrikam", "rahul.sharma@fabrikam.example")).accessToken;
    const check = async (): Promise<boolean> =>
      (await client.call<WireList<boolean>>(PCA_CHECK, { auth: rahul })).body.value[0];
    expect(await check()).toBe(false);
    org.setPca("rahul.sharma@fabrikam.example", true);
    expect(await check()).toBe(true);
    org.setPca("rahul.sharma@fabrikam.example", false);
    org.addGroupMember("[fabrikam]\\Project Collection Administrators", "Engineering");
    expect(await check()).toBe(true);
    org.removeGroupMember("[fabrikam]\\Project Collection Administrators", "Engineering");
    expect(await check()).toBe(false);
  });

  it("answers one value per token, like Microsoft's recorded examples", async () => {
    const { accessToken } = await client.tokens("fabrikam", priya.id);
    const tokens = await client.call(
      `${COLLECTION_PERMISSIONS}/2?api-version=7.1&tokens=NAMESPACE,elsewhere,namespace:child`,
      { auth: accessToken },
    );
    expect(tokens.body).toEqual({ count: 3, value: [true, false, true] });
    const semicolons = await client.call(
      `${COLLECTION_PERMISSIONS}/2?api-version=7.1&tokens=NAMESPACE;elsewhere&delimiter=;`,
      { auth: accessToken },
    );
    expect(semicolons.body).toEqual({ count: 2, value: [true, false] });
    const asMarcus = (await client.tokens("fabrikam", marcus.id)).accessToken;
    const read = await client.call(`${COLLECTION_PERMISSIONS}/1?api-version=7.1&tokens=NAMESPACE`, { auth: asMarcus });
    expect(read.body).toEqual({ count: 1, value: [true] });
  });

  it("evaluates nothing without tokens, and 400 for a malformed request", async () => {
    const { accessToken } = await client.tokens("fabrikam", priya.id);
    const none = await client.call(`${COLLECTION_PERMISSIONS}/2?api-version=7.1`, { auth: accessToken });
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ count: 0, value: [] });
    const bad = await client.call("/fabrikam/_apis/permissions/not-a-guid/2?tokens=NAMESPACE", { auth: accessToken });
    expect(bad.status).toBe(400);
  });
});

describe("unknown routes and orgs", () => {
  it("answers 404 JSON", async () => {
    const { accessToken } = await client.tokens("fabrikam", priya.id);
    const route = await client.call<WireError>("/fabrikam/_apis/nothing/here", { auth: accessToken });
    expect(route.status).toBe(404);
    expect(route.body.$id).toBe("1");
    const org = await client.call<WireError>("/northwind/_apis/connectionData", { auth: accessToken });
    expect(org.status).toBe(404);
    expect(org.body.message).toContain("northwind");
  });
});
