import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ConnectionData } from "azure-devops-node-api/interfaces/LocationsInterfaces";
import { afterAll, describe, expect, it } from "vitest";
import { DevopsCallerDirectory } from "../../functions/adapters/devops/caller-directory";
import { DevopsOrgDirectory } from "../../functions/adapters/devops/org-directory";
import { DevopsWorkItemDirectory } from "../../functions/adapters/devops/work-items";
import { NotFoundError } from "../../functions/domain/errors";
import { UNDOCUMENTED_CALLS, judge, loadCatalogue } from "./support/operation-catalogue";
import { recordedBody } from "./support/spec-files";
import { RecordingServer, type Answer } from "./support/recording-server";
import { WIT_LOCATIONS } from "./support/wit-locations";

// The real adapters, through azure-devops-node-api, against a loopback server that answers
// with the bodies Microsoft recorded from the real service (specification/*/7.1/httpExamples).
// Every request they send is kept and, at the end, held against the documented operations.

const server = await new RecordingServer().start();
const ORG = "fabrikam";
const PAT = { kind: "pat", pat: "service-account-pat" } as const;
const exercised = new Set<string>();

afterAll(async () => {
  await server.stop();
});

type Identity = {
  id: string;
  subjectDescriptor: string;
  memberOf: string[];
  isContainer?: boolean;
  isActive?: boolean;
  memberIds?: string[];
};
type IdentityList = { count: number; value: Identity[] };

const identitiesByIds = () => recordedBody<IdentityList>("ims", "Identities/SearchByIds.json");
const jiaHao = {
  id: "81fa6389-0872-6fdd-a451-7ba7880f566a",
  displayName: "Jia-hao Tseng",
  email: "jtseng@vscsi.us",
  uniqueName: "jtseng@vscsi.us",
  descriptor: "aad.MDA0NzBlMzQtZGE2MS03YTY5LWJkOTYtNDg3YTg0OWVjNTU4",
};

/** A connectionData body in the client library's own ConnectionData type (the Location area has no recorded examples). */
function connectionData(): ConnectionData {
  const user = identitiesByIds().value[0] as unknown as NonNullable<ConnectionData["authenticatedUser"]>;
  return {
    authenticatedUser: user,
    authorizedUser: user,
    instanceId: "8cb9df66-e487-4ad9-9852-28da9bf255b2",
    deploymentId: "6c9bd5c4-5ef2-4e91-b94b-0d3d8a3c8b1f",
  };
}

function only(method: string, pathname: RegExp, answer: (query: URLSearchParams) => Answer | undefined) {
  server.answer((r) =>
    r.method === method && pathname.test(r.pathname)
      ? answer(r.query)
      : r.method === "OPTIONS"
        ? { body: WIT_LOCATIONS }
        : undefined,
  );
}

function sent(pathname: RegExp) {
  return server.requests
    .filter((r) => pathname.test(new URL(r.url, "http://x").pathname))
    .map((r) => new URL(r.url, "http://x"));
}

describe("DevopsOrgDirectory, fed Microsoft's recorded answers", () => {
  const directory = new DevopsOrgDirectory(server.devopsOptions);

  it("listUsers reads the documented 7.1 page (items, continuationToken) and the older members shape, paging with the token", async () => {
    exercised.add("DevopsOrgDirectory.listUsers");
    const recorded = recordedBody<{ id: string }>(
      "memberEntitlementManagement",
      "UserEntitlements/GET__memberEntitlementManagement_UserEntitlementById.json",
    );
    const patched = recordedBody<{ results: Array<{ result: unknown }> }>(
      "memberEntitlementManagement",
      "UserEntitlements/PATCH__memberEntitlementManagement_UserEntitlements.json",
    );
    const directory = new DevopsOrgDirectory(server.devopsOptions);
    server.answer(({ method, pathname, query }) => {
      if (method !== "GET" || pathname !== `/vsaex/${ORG}/_apis/userentitlements`) return undefined;
      // PagedUserEntitlementsList (7.1) first; a server on the older contract answers `members`.
      return query.get("continuationToken") === "page-2"
        ? { body: { members: [patched.results[1].result], continuationToken: null, totalCount: 2 } }
        : { body: { items: [recorded], continuationToken: "page-2", totalCount: 2 } };
    });

    const first = await directory.listUsers(ORG, PAT, { search: "user", continuation: null });
    expect(first).toEqual({
      users: [
        {
          id: "fe2f1bdb-9779-491a-a6f6-c6e9322cfb00",
          displayName: "User 1",
          email: "user1@fabrikam.com",
          uniqueName: "user1@fabrikam.com",
        },
      ],
      continuation: "page-2",
    });
    const second = await directory.listUsers(ORG, PAT, { search: "user", continuation: first.continuation });
    expect(second.users.map((u) => u.email)).toEqual(["user2@fabrikam.com"]);
    expect(second.continuation).toBeNull();

    const [firstUrl, secondUrl] = sent(/\/userentitlements$/);
    expect(firstUrl.searchParams.get("$filter")).toBe("name eq 'user'");
    expect(firstUrl.searchParams.get("api-version")).toBe("7.1");
    expect(secondUrl.searchParams.get("continuationToken")).toBe("page-2");
  });

  it("searchGroups maps Graph's group subjects", async () => {
    exercised.add("DevopsOrgDirectory.searchGroups");
    const groups = recordedBody<{ value: unknown[] }>("graph", "Groups/GetAllGroups.json");
    only("POST", /\/_apis\/graph\/subjectquery$/i, () => ({ body: { count: 2, value: groups.value.slice(0, 2) } }));
    const found = await directory.searchGroups(ORG, PAT, "Enterprise");
    expect(found[0]).toEqual({
      descriptor: "vssgp.Uy0xLTktMTU1MTM3NDI0NS05MTM1MjY2ODMtODE4MDAzMjY0LTIyODA4NjYzMDUtOTA3OTI2NDgxLTAtMC0wLTAtMg",
      displayName: "Enterprise Service Accounts",
      principalName: "[TEAM FOUNDATION]\\Enterprise Service Accounts",
      origin: "vsts",
      description:
        "Members of this group have service-level permissions in this enterprise. For service accounts only.",
    });
    expect(found).toHaveLength(2);
  });

  it("group reads one group by descriptor, and answers null for one Azure DevOps does not know", async () => {
    exercised.add("DevopsOrgDirectory.group");
    const recorded = recordedBody<{ descriptor: string; displayName: string; principalName: string; origin: string }>(
      "graph",
      "Groups/GetGroup-AddRemoveAADGroupByOID.json",
    );
    only("GET", /\/_apis\/graph\/groups\/[^/]+$/i, () => ({ body: recorded }));
    const found = await directory.group(ORG, PAT, recorded.descriptor);
    expect(found).toMatchObject({
      descriptor: recorded.descriptor,
      displayName: "Full Time Engineers",
      principalName: "[TEAM FOUNDATION]\\Full Time Engineers",
      origin: "aad",
    });
    const [url] = sent(/\/_apis\/graph\/groups\//i).slice(-1);
    expect(decodeURIComponent(url.pathname)).toBe(`/vssps/${ORG}/_apis/graph/groups/${recorded.descriptor}`);
    only("GET", /\/_apis\/graph\/groups\/[^/]+$/i, () => ({
      status: 404,
      body: { message: "VS860018: The requested group was not found.", typeKey: "GraphSubjectNotFoundException" },
    }));
    expect(await directory.group(ORG, PAT, "vssgp.Uy0xLTktMTU1MTM3NDI0NS1ub3RoZXJl")).toBeNull();
  });

  it("groupMembers asks Identities for the group expanded down and looks up only the members it does not know", async () => {
    exercised.add("DevopsOrgDirectory.groupMembers");
    // The recorded group (Project Collection Valid Users) stands as the rule's group, its
    // memberIds (empty in the recording, which asked queryMembership=None) naming the recorded
    // user and a nested group; the lookup of those ids answers the recorded identities.
    const [user, recordedGroup] = identitiesByIds().value;
    const nested = {
      ...recordedGroup,
      id: "5b1c8d9e-0f3a-4a6b-9c2d-7e8f9a0b1c2d",
      subjectDescriptor: "vssgp.bmVzdGVk",
    };
    const root = recordedGroup.subjectDescriptor;
    let listed = [user.id, nested.id];
    server.answer(({ method, pathname, query }) => {
      if (method !== "GET" || pathname !== `/vssps/${ORG}/_apis/identities`) return undefined;
      if (query.get("subjectDescriptors") === root && query.get("queryMembership") === "ExpandedDown")
        return { body: { count: 1, value: [{ ...recordedGroup, memberIds: listed }] } };
      const asked = query.get("identityIds")?.split(",") ?? [];
      const value = asked.map((id) => [user, nested].find((i) => i.id === id) ?? null);
      return { body: { count: value.length, value } };
    });

    const [requestsBefore, connectionsBefore] = [server.requests.length, server.connections];
    expect(await directory.groupMembers(ORG, PAT, root)).toEqual(new Map([[jiaHao.id, jiaHao]]));
    // The expanded group, then one lookup of its members, over one kept-alive connection.
    expect({
      requests: server.requests.length - requestsBefore,
      connections: server.connections - connectionsBefore,
    }).toEqual({ requests: 2, connections: 1 });
    const [lookup] = sent(/\/_apis\/identities$/).slice(-1);
    expect(lookup.searchParams.get("identityIds")).toBe(`${user.id},${nested.id}`);

    // A sync that knows the user already (by id) looks up only the nested group.
    const before = sent(/\/_apis\/identities$/).length;
    const known = { ...jiaHao, displayName: "Jia-hao Tseng (as the rule knew him)" };
    expect(await directory.groupMembers(ORG, PAT, root, new Map([[jiaHao.id, known]]))).toEqual(
      new Map([[jiaHao.id, known]]),
    );
    const asked = sent(/\/_apis\/identities$/).slice(before);
    expect(asked.map((u) => u.searchParams.get("identityIds"))).toEqual([null, nested.id]);

    // Listed twice (once in another case, as Identities and Graph differ in it): one user, by the lower-case id.
    listed = [user.id.toUpperCase(), nested.id, user.id];
    expect([...(await directory.groupMembers(ORG, PAT, root)).entries()]).toEqual([[jiaHao.id, jiaHao]]);
    const [lookedUp] = sent(/\/_apis\/identities$/).slice(-1);
    expect(lookedUp.searchParams.get("identityIds")).toBe(`${user.id.toLowerCase()},${nested.id}`);
  });

  it("groupMembers licenses people only, answers a missing group as not found, and refuses a group over the limit before looking anyone up", async () => {
    // Graph lists build and service identities as users (Microsoft's recorded GetAllUsers has
    // `svc.` and `acs.` ones) and groups hold service principals (`aadsp.`): none takes a seat.
    const graphUsers = recordedBody<{ value: Array<{ descriptor: string }> }>("graph", "Users/GetAllUsers.json").value;
    const [person, group] = identitiesByIds().value;
    const service = { ...person, id: "10feb381-82c3-4902-8e1f-840299a48ae4" };
    service.subjectDescriptor = graphUsers.find((u) => u.descriptor.startsWith("svc."))!.descriptor;
    const principal = {
      ...person,
      id: "294fe550-b601-4b61-a86d-f2d9b2232646",
      subjectDescriptor: "aadsp.Mjk0ZmU1NTAtYjYwMS00YjYxLWE4NmQtZjJkOWIyMjMyNjQ2",
    };
    const everyone = [person, service, principal];
    let root: Identity | null = { ...group, memberIds: everyone.map((i) => i.id) };
    server.answer(({ method, pathname, query }) => {
      if (method !== "GET" || pathname !== `/vssps/${ORG}/_apis/identities`) return undefined;
      if (query.get("queryMembership") === "ExpandedDown") return { body: { count: 1, value: [root] } };
      const value = (query.get("identityIds")?.split(",") ?? []).map((id) => everyone.find((i) => i.id === id) ?? null);
      return { body: { count: value.length, value } };
    });
    expect([...(await directory.groupMembers(ORG, PAT, group.subjectDescriptor)).keys()]).toEqual([jiaHao.id]);

    root = { ...group, memberIds: undefined }; // an answer without members is no empty group
    await expect(directory.groupMembers(ORG, PAT, group.subjectDescriptor)).rejects.toThrow(
      /cannot be read completely/,
    );
    root = null; // Azure DevOps answers null for a descriptor it does not know
    await expect(directory.groupMembers(ORG, PAT, group.subjectDescriptor)).rejects.toBeInstanceOf(NotFoundError);
    root = { ...group, isActive: false }; // a deleted group
    await expect(directory.groupMembers(ORG, PAT, group.subjectDescriptor)).rejects.toBeInstanceOf(NotFoundError);

    const lookupsBefore = sent(/\/_apis\/identities$/).filter((u) => u.searchParams.has("identityIds")).length;
    const ids = Array.from({ length: 50_501 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    root = { ...group, memberIds: ids };
    await expect(directory.groupMembers(ORG, PAT, group.subjectDescriptor)).rejects.toThrow(
      "This group is too large for a group rule (more than 50,000 users). Pick a smaller group.",
    );
    expect(sent(/\/_apis\/identities$/).filter((u) => u.searchParams.has("identityIds"))).toHaveLength(lookupsBefore);
  });

  it("usersByIds keeps the users and leaves the group identity out", async () => {
    exercised.add("DevopsOrgDirectory.usersByIds");
    only("GET", /\/_apis\/identities$/, () => ({ body: identitiesByIds() }));
    const users = await directory.usersByIds(ORG, PAT, [
      "81fa6389-0872-6fdd-a451-7ba7880f566a",
      "7c86b535-818b-423f-b0fd-19a2e9f32710",
    ]);
    expect([...users.entries()]).toEqual([[jiaHao.id, jiaHao]]);
  });

  it("userByEmail finds the user of the recorded e-mail search", async () => {
    exercised.add("DevopsOrgDirectory.userByEmail");
    only("GET", /\/_apis\/identities$/, () => ({ body: recordedBody("ims", "Identities/SearchIdentityByEmail.json") }));
    expect(await directory.userByEmail(ORG, PAT, "jtseng@vscsi.us")).toEqual(jiaHao);
  });

  describe("isCollectionAdmin: the org's [org]\\Project Collection Administrators by name, then the user's memberOf", () => {
    type RecordedGroup = { principalName: string; descriptor: string; domain: string; displayName: string };
    type GroupIdentity = Identity & {
      descriptor: string;
      providerDisplayName: string;
      properties: Record<string, { $type: string; $value: string }>;
    };
    const recordedGroups = () => recordedBody<{ value: RecordedGroup[] }>("graph", "Groups/GetAllGroups.json").value;
    const identityDescriptorOf = (group: RecordedGroup) =>
      `Microsoft.TeamFoundation.Identity;${Buffer.from(group.descriptor.split(".")[1], "base64url").toString("utf8")}`;
    const recordedGroup = (principalName: string) => recordedGroups().find((g) => g.principalName === principalName)!;
    /**
     * A General search's answer in the shape Microsoft recorded (SearchPCVUByName: the collection's
     * Valid Users group), carrying one of the recorded Graph groups' name, SID and domain instead.
     */
    const searchAnswer = (...groups: RecordedGroup[]) => {
      const recorded = recordedBody<{ count: number; value: GroupIdentity[] }>(
        "ims",
        "Identities/SearchPCVUByName.json",
      );
      const value = groups.map((g) => {
        const identity = structuredClone(recorded.value[0]);
        identity.descriptor = identityDescriptorOf(g);
        identity.subjectDescriptor = g.descriptor;
        identity.providerDisplayName = g.principalName;
        identity.properties.Domain.$value = g.domain;
        identity.properties.Account.$value = g.displayName;
        return identity;
      });
      return { count: value.length, value };
    };
    // Microsoft's recording: `[Fabrikam]\Project Collection Administrators` (the name's case differs
    // from our org name's) and `[MyFirstProject]\Project Administrators`, both SIDs ending -0-0-0-0-1.
    const pca = () => recordedGroup("[Fabrikam]\\Project Collection Administrators");
    const projectAdmins = () => recordedGroup("[MyFirstProject]\\Project Administrators");
    const userIn = (...memberOf: string[]) => {
      const body = identitiesByIds();
      body.value[0].memberOf = memberOf;
      return body;
    };
    const serve = (search: unknown, user: unknown) =>
      only("GET", /\/_apis\/identities$/, (q) => ({ body: q.get("searchFilter") ? search : user }));

    it("accepts a member of the collection's group and refuses a member of only a project's Project Administrators", async () => {
      exercised.add("DevopsOrgDirectory.isCollectionAdmin");
      expect([identityDescriptorOf(pca()), identityDescriptorOf(projectAdmins())].map((d) => d.slice(-10))).toEqual([
        "-0-0-0-0-1",
        "-0-0-0-0-1",
      ]);
      serve(searchAnswer(pca()), userIn(identityDescriptorOf(pca())));
      expect(await directory.isCollectionAdmin(ORG, PAT, jiaHao.id)).toBe(true);
      serve(searchAnswer(pca()), userIn(identityDescriptorOf(projectAdmins())));
      expect(await directory.isCollectionAdmin(ORG, PAT, jiaHao.id)).toBe(false);
      serve(searchAnswer(pca()), identitiesByIds()); // the recorded identity, in no group
      expect(await directory.isCollectionAdmin(ORG, PAT, jiaHao.id)).toBe(false);

      const [search, user] = sent(/\/_apis\/identities$/).slice(-2);
      expect(Object.fromEntries(search.searchParams)).toEqual({
        searchFilter: "General",
        filterValue: "[fabrikam]\\Project Collection Administrators",
        queryMembership: "None",
        "api-version": "7.1",
      });
      expect(Object.fromEntries(user.searchParams)).toEqual({
        identityIds: jiaHao.id,
        queryMembership: "ExpandedUp",
        "api-version": "7.1",
      });
    });

    it("takes no project's group of the same name for the collection's, and refuses when the search finds none", async () => {
      // A project named like the org may hold a group named like the collection's: its Domain is the project's.
      const impostor = { ...projectAdmins(), principalName: "[fabrikam]\\Project Collection Administrators" };
      serve(searchAnswer(impostor), userIn(identityDescriptorOf(impostor)));
      expect(await directory.isCollectionAdmin(ORG, PAT, jiaHao.id)).toBe(false);
      serve({ count: 0, value: [] }, userIn(identityDescriptorOf(pca())));
      expect(await directory.isCollectionAdmin(ORG, PAT, jiaHao.id)).toBe(false);
      serve(searchAnswer(impostor, pca()), userIn(identityDescriptorOf(pca())));
      expect(await directory.isCollectionAdmin(ORG, PAT, jiaHao.id)).toBe(true);
    });

    it("answers UpstreamError, not a yes, when the search's answer cannot be trusted", async () => {
      serve(searchAnswer(pca(), pca()), userIn(identityDescriptorOf(pca())));
      await expect(directory.isCollectionAdmin(ORG, PAT, jiaHao.id)).rejects.toThrow(/unexpected format/);
      serve({ value: "not a list" }, userIn(identityDescriptorOf(pca())));
      await expect(directory.isCollectionAdmin(ORG, PAT, jiaHao.id)).rejects.toThrow(/unexpected format/);
    });
  });

  it("whoAmI reads connectionData", async () => {
    exercised.add("DevopsOrgDirectory.whoAmI");
    only("GET", /\/_apis\/connectionData$/, () => ({ body: connectionData() }));
    expect(await directory.whoAmI(ORG, PAT)).toEqual({
      userId: jiaHao.id,
      displayName: "Jia-hao Tseng",
      orgId: "8cb9df66-e487-4ad9-9852-28da9bf255b2",
    });
  });
});

describe("DevopsCallerDirectory, fed Microsoft's recorded answers", () => {
  const caller = new DevopsCallerDirectory(server.devopsOptions);

  it("connectionData names the caller and the org", async () => {
    exercised.add("DevopsCallerDirectory.connectionData");
    only("GET", /\/_apis\/connectionData$/, () => ({ body: connectionData() }));
    expect(await caller.connectionData(ORG, "access-token")).toEqual({
      userId: jiaHao.id,
      displayName: "Jia-hao Tseng",
      email: "jtseng@vscsi.us",
      orgId: "8cb9df66-e487-4ad9-9852-28da9bf255b2",
      deploymentType: "hosted",
    });
  });

  it("isCollectionAdmin asks for the Collection token and believes only an explicit true for it", async () => {
    exercised.add("DevopsCallerDirectory.isCollectionAdmin");
    const threeTokens = recordedBody<{ count: number; value: boolean[] }>(
      "security",
      "permissions/GET__permissions__securityNamespaceId__8__api-version-2.2_tokens-_token1_,_token2_,_token3__alwaysAllowAdministrators-False.json",
    );
    const noBody = recordedBody(
      "security",
      "permissions/GET__permissions__securityNamespaceId__8__token-_token1__alwaysAllowAdministrators-False.json",
    );
    const answers: Array<[unknown, boolean]> = [
      [{ count: 1, value: [threeTokens.value[2]] }, true], // the recorded true, for our one token
      [{ count: 1, value: [threeTokens.value[0]] }, false],
      [threeTokens, false], // three answers for one token asked: not an answer about ours
      [noBody, false], // Microsoft's recording of a call without `tokens`: 200 and no body
    ];
    for (const [body, expected] of answers) {
      only("GET", /\/_apis\/permissions\//, () => ({ body }));
      expect({ body, admin: await caller.isCollectionAdmin(ORG, "access-token") }).toEqual({ body, admin: expected });
    }
    const [url] = sent(/\/_apis\/permissions\//).slice(-1);
    expect(url.pathname).toBe(`/${ORG}/_apis/permissions/3e65f728-f8bc-4ecd-8764-7e378b19bfa7/2`);
    expect(url.searchParams.get("tokens")).toBe("NAMESPACE");
  });
});

describe("DevopsWorkItemDirectory (typed WorkItemTrackingApi), fed Microsoft's recorded answers", () => {
  const workItems = new DevopsWorkItemDirectory(server.devopsOptions);

  it("find reads one work item", async () => {
    exercised.add("DevopsWorkItemDirectory.find");
    only("GET", /\/_apis\/wit\/workItems\/12$/i, () => ({
      body: recordedBody("wit", "workItems/GET__wit_WorkItems_id.json"),
    }));
    expect(await workItems.find(ORG, "access-token", 12)).toEqual({
      id: 12,
      title: "Epic 2",
      state: "Active",
      type: "User Story",
      project: "MyAgilePrj2",
      childIds: [],
    });
    expect(await workItems.find(ORG, "access-token", 13)).toBeNull(); // the recording server's 404
  });

  it("findMany reads a batch", async () => {
    exercised.add("DevopsWorkItemDirectory.findMany");
    only("GET", /\/_apis\/wit\/workItems$/i, () => ({
      body: recordedBody("wit", "workItems/GET__wit_WorkItems_ids-_ids___expand-all.json"),
    }));
    const found = await workItems.findMany(ORG, "access-token", [297, 299, 300]);
    expect(found.map((w) => [w.id, w.type, w.state, w.project])).toEqual([
      [297, "Product Backlog Item", "New", "Fabrikam-Fiber-Git"],
      [299, "Task", "To Do", "Fabrikam-Fiber-Git"],
      [300, "Task", "To Do", "Fabrikam-Fiber-Git"],
    ]);
  });
});

describe("every request the adapters sent", () => {
  const catalogue = loadCatalogue();

  it("exercised every method of every Azure DevOps adapter above", () => {
    const methods = [DevopsOrgDirectory, DevopsCallerDirectory, DevopsWorkItemDirectory].flatMap((adapter) =>
      Object.getOwnPropertyNames(adapter.prototype)
        .filter((name) => name !== "constructor" && !PRIVATE_HELPERS.has(`${adapter.name}.${name}`))
        .map((name) => `${adapter.name}.${name}`),
    );
    expect(methods.filter((m) => !exercised.has(m))).toEqual([]);
  });

  it("matches an operation Microsoft documents: method, path template, a listed api-version, known query parameters", () => {
    expect(server.requests.length).toBeGreaterThan(10);
    const problems = server.requests
      .map((r) => judge(catalogue, r))
      .flatMap((v) => (v.kind === "mismatch" ? [v.problem] : []));
    expect(problems).toEqual([]);
  });

  it("needs every scope the manifest asks for, and the manifest asks for every scope they need", () => {
    const manifest = JSON.parse(
      readFileSync(fileURLToPath(new URL("../../vss-extension.json", import.meta.url)), "utf8"),
    ) as { scopes: string[] };
    const needed = new Set<string>();
    for (const verdict of server.requests.map((r) => judge(catalogue, r))) {
      if (verdict.kind === "documented") verdict.operation.scopes.forEach((s) => needed.add(s));
      if (verdict.kind === "undocumented") verdict.scopes.forEach((s) => needed.add(s));
    }
    expect(UNDOCUMENTED_CALLS.every((c) => c.reason.length > 0)).toBe(true);
    expect({
      unneeded: manifest.scopes.filter((s) => !needed.has(s)),
      missing: [...needed].filter((s) => !manifest.scopes.includes(s)),
    }).toEqual({ unneeded: [], missing: [] });
  });
});

/** Prototype members that are not port methods (they only build requests for the ones above). */
const PRIVATE_HELPERS = new Set([
  "DevopsOrgDirectory.base",
  "DevopsOrgDirectory.collectionAdminsGroup",
  "DevopsOrgDirectory.identities",
  "DevopsWorkItemDirectory.withClient",
]);
