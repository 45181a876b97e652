import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startClient, type StandinClient } from "./test-support";
import type { ConnectionData, Identity, WireError, WireList } from "./test-wire-shapes";

// An org in Server mode plays an Azure DevOps Server collection: the same token and core
// endpoints, connectionData says onPremises, and the Services-only areas are absent.
let client: StandinClient;
let token: string;

beforeAll(async () => {
  client = await startClient();
  token = (
    await client.tokens(
      "contoso",
      (await client.call<{ users: Array<{ email: string }> }>("/_dev/orgs/contoso")).body.users[0].email,
    )
  ).accessToken;
});
afterAll(() => client.standin.stop());

describe("Server mode", () => {
  it("is switched per org through the dev endpoint and shows in connectionData", async () => {
    expect(
      (await client.call<ConnectionData>("/contoso/_apis/connectionData", { auth: token })).body.deploymentType,
    ).toBe("hosted");
    const set = await client.call("/_dev/orgs/contoso/deployment", { method: "PUT", body: { deployment: "server" } });
    expect(set.status).toBe(200);
    expect(
      (await client.call<ConnectionData>("/contoso/_apis/connectionData", { auth: token })).body.deploymentType,
    ).toBe("onPremises");
    expect(
      (await client.call("/_dev/orgs/contoso/deployment", { method: "PUT", body: { deployment: "cloud" } })).status,
    ).toBe(400);
  });

  it("answers 404 for Graph and User Entitlements, and serves Identities, permissions and work items", async () => {
    client.standin.state.org("contoso").deployment = "server";
    for (const path of [
      "/vssps/contoso/_apis/graph/users?api-version=7.1-preview.1",
      "/vsaex/contoso/_apis/userentitlements?api-version=7.1",
    ]) {
      const res = await client.call<WireError>(path, { auth: token });
      expect(res.status, path).toBe(404);
      expect(res.body.typeKey).toBe("VssResourceNotFoundException");
    }
    const email = client.standin.state.org("contoso").users[0].email;
    for (const host of ["/vssps/contoso", "/contoso"]) {
      const res = await client.call<WireList<Identity>>(
        `${host}/_apis/identities?searchFilter=MailAddress&filterValue=${encodeURIComponent(email)}&api-version=7.1`,
        { auth: token },
      );
      expect(res.status, host).toBe(200);
      expect(res.body.value[0].properties.Mail.$value).toBe(email);
    }
    const pca = await client.call(
      "/contoso/_apis/permissions/3e65f728-f8bc-4ecd-8764-7e378b19bfa7/1?tokens=NAMESPACE&api-version=7.1",
      { auth: token },
    );
    expect(pca.body).toEqual({ count: 1, value: [true] });
  });

  it("leaves other orgs on Services", async () => {
    const fabrikam = (await client.tokens("fabrikam", "priya.patel@fabrikam.example")).accessToken;
    expect(
      (await client.call("/vssps/fabrikam/_apis/graph/users?api-version=7.1-preview.1", { auth: fabrikam })).status,
    ).toBe(200);
  });
});
