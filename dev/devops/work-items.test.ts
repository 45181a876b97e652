import * as azdev from "azure-devops-node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startClient, type StandinClient } from "./test-support";
import type { WireError, WireList, WorkItem } from "./test-wire-shapes";

let client: StandinClient;
let token: string;

beforeAll(async () => {
  client = await startClient();
  token = (await client.tokens("fabrikam", "marcus.johnson@fabrikam.example")).accessToken;
});
afterAll(() => client.standin.stop());

describe("work items", () => {
  it("returns a work item with its fields and, on request, its hierarchy", async () => {
    const res = await client.call<WorkItem>("/fabrikam/_apis/wit/workitems/3?$expand=relations&api-version=7.1", {
      auth: token,
    });
    expect(res.status).toBe(200);
    expect(res.body.fields).toMatchObject({
      "System.Title": "Reset password by email",
      "System.State": "Active",
      "System.WorkItemType": "User Story",
      "System.TeamProject": "Fabrikam Web",
      "System.AreaPath": "Fabrikam Web",
      "System.AssignedTo": { displayName: "Marcus Johnson", uniqueName: "marcus.johnson@fabrikam.example" },
    });
    const relations = (res.body.relations ?? []).map((r) => `${r.rel} ${r.url.split("/").pop()}`);
    expect(relations.sort()).toEqual([
      "System.LinkTypes.Hierarchy-Forward 4",
      "System.LinkTypes.Hierarchy-Forward 5",
      "System.LinkTypes.Hierarchy-Reverse 2",
    ]);
    const plain = await client.call<WorkItem>("/fabrikam/_apis/wit/workitems/3", { auth: token });
    expect(plain.body.relations).toBeUndefined();
  });

  it("answers 404 with TF401232 for an unknown id", async () => {
    const res = await client.call<WireError>("/fabrikam/_apis/wit/workitems/999", { auth: token });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe("TF401232: Work item 999 does not exist, or you do not have permissions to read it.");
    expect(res.body.typeKey).toBe("WorkItemUnauthorizedAccessException");
  });

  it("scopes by project in the URL", async () => {
    const mobile = await client.call<WorkItem>("/fabrikam/Fabrikam%20Mobile/_apis/wit/workitems/8", { auth: token });
    expect(mobile.body.fields["System.Title"]).toBe("Offline mode");
    expect((await client.call("/fabrikam/Fabrikam%20Mobile/_apis/wit/workitems/3", { auth: token })).status).toBe(404);
    const noProject = await client.call<WireError>("/fabrikam/Nowhere/_apis/wit/workitems/3", { auth: token });
    expect(noProject.status).toBe(404);
    expect(noProject.body.message).toMatch(/^TF200016/);
  });

  it("returns a batch, with null for missing items only under errorPolicy=omit", async () => {
    const omit = await client.call<WireList<WorkItem | null>>(
      "/fabrikam/_apis/wit/workitems?ids=1,999,11&errorPolicy=omit&fields=System.Title,System.State",
      { auth: token },
    );
    expect(omit.body.count).toBe(3);
    expect(omit.body.value[0]?.fields).toEqual({
      "System.Title": "Customer self-service portal",
      "System.State": "Active",
    });
    expect(omit.body.value[1]).toBeNull();
    expect(omit.body.value[2]?.fields["System.State"]).toBe("Closed");
    expect((await client.call("/fabrikam/_apis/wit/workitems?ids=1,999", { auth: token })).status).toBe(404);
    expect((await client.call("/fabrikam/_apis/wit/workitems?ids=1,x", { auth: token })).status).toBe(400);
    expect((await client.call("/fabrikam/_apis/wit/workitems?ids=1&fields=Custom.Nope", { auth: token })).status).toBe(
      400,
    );
  });

  it("keeps each org's work items apart although their ids collide", async () => {
    const contosoToken = (await client.tokens("contoso", "sam.taylor@contoso.example")).accessToken;
    const contosoItem = await client.call<WorkItem>("/contoso/_apis/wit/workitems/2", { auth: contosoToken });
    expect(contosoItem.body.fields["System.Title"]).toBe("Validate partner tax ids");
    expect((await client.call("/contoso/_apis/wit/workitems/5", { auth: contosoToken })).status).toBe(404);
  });

  it("serves azure-devops-node-api's typed clients unchanged", async () => {
    const api = new azdev.WebApi(`${client.standin.url}/fabrikam`, azdev.getBearerHandler(token));
    expect((await api.connect()).authenticatedUser?.providerDisplayName).toBe("Marcus Johnson");
    const wit = await api.getWorkItemTrackingApi();
    const item = await wit.getWorkItem(10, undefined, undefined, 1 /* WorkItemExpand.Relations */);
    expect(item.fields?.["System.Title"]).toBe("Queue edits while offline");
    expect(item.relations).toHaveLength(4); // parent 9, children 11, 12, 13
    const batch = await wit.getWorkItemsBatch({ ids: [12, 13], fields: ["System.Title"] });
    expect(batch.map((w): unknown => w.fields?.["System.Title"])).toEqual([
      "App crashes when reconnecting",
      "Retry failed uploads",
    ]);
    const core = await api.getCoreApi();
    expect((await core.getProjects()).map((p) => p.name)).toEqual(["Fabrikam Web", "Fabrikam Mobile"]);
  });
});
