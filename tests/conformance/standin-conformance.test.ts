import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fabrikam } from "../../dev/devops/seed";
import { startClient, type StandinClient } from "../../dev/devops/test-support";
import {
  documentedApiVersions,
  missingRecordedKeys,
  recordedBody,
  responseValidator,
  type SpecArea,
} from "./support/specs";

/** Swagger and wire JSON, walked as data (the shape is what the suite checks). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON under test
type Json = any;

// Every Azure DevOps stand-in endpoint the backend calls answers what Microsoft's 7.1
// specification documents for that operation (its 200 response schema) and carries every
// field of Microsoft's recorded example. The stand-in is what every other test trusts as
// "Azure DevOps"; this keeps it from drifting from the service it stands in for.
// connectionData is not here: its area (Location) is not among the copied specifications.

interface Case {
  name: string;
  area: SpecArea;
  /** Operation path and method as the specification writes them. */
  operation: [template: string, method: "get" | "post"];
  /** Request to the stand-in ({version} is replaced by the operation's documented api-version). */
  request: (ids: Seeded) => { path: string; body?: unknown };
  /** Recorded example (httpExamples/...) and, when our list is held to a single-item example, where its items are. */
  recorded?: { file: string; itemsAt?: string };
  /** Dotted paths whose keys are data (descriptors, field names), not fields. */
  maps?: string[];
}

interface Seeded {
  user: { id: string; descriptor: string; email: string };
  group: { id: string; descriptor: string };
  /** An Entra group, like the one Microsoft recorded for a single group. */
  aadGroup: { descriptor: string };
}

const GRAPH = "/vssps/fabrikam/_apis/graph";
const CASES: Case[] = [
  {
    name: "graph users (list)",
    area: "graph",
    operation: ["/{organization}/_apis/graph/users", "get"],
    request: () => ({ path: `${GRAPH}/users?api-version={version}` }),
    recorded: { file: "Users/GetAllUsers.json" },
  },
  {
    name: "graph user",
    area: "graph",
    operation: ["/{organization}/_apis/graph/users/{userDescriptor}", "get"],
    request: ({ user }) => ({ path: `${GRAPH}/users/${user.descriptor}?api-version={version}` }),
    recorded: { file: "Users/GetUserAAD.json" },
  },
  {
    name: "graph groups (list)",
    area: "graph",
    operation: ["/{organization}/_apis/graph/groups", "get"],
    request: () => ({ path: `${GRAPH}/groups?api-version={version}` }),
    recorded: { file: "Groups/GetAllGroups.json" },
  },
  {
    name: "graph group",
    area: "graph",
    operation: ["/{organization}/_apis/graph/groups/{groupDescriptor}", "get"],
    request: ({ aadGroup }) => ({ path: `${GRAPH}/groups/${aadGroup.descriptor}?api-version={version}` }),
    recorded: { file: "Groups/GetGroup-AddRemoveAADGroupByOID.json" },
  },
  {
    name: "graph subject query",
    area: "graph",
    operation: ["/{organization}/_apis/graph/subjectquery", "post"],
    request: () => ({
      path: `${GRAPH}/subjectquery?api-version={version}`,
      body: { query: "Contrib", subjectKind: ["Group"] },
    }),
  },
  {
    name: "graph subject lookup",
    area: "graph",
    operation: ["/{organization}/_apis/graph/subjectlookup", "post"],
    request: ({ user, aadGroup }) => ({
      path: `${GRAPH}/subjectlookup?api-version={version}`,
      body: { lookupKeys: [{ descriptor: aadGroup.descriptor }, { descriptor: user.descriptor }] },
    }),
    recorded: { file: "Subjectlookup/LookupSubjects.json" },
    maps: ["value"],
  },
  {
    name: "graph memberships (down)",
    area: "graph",
    operation: ["/{organization}/_apis/graph/Memberships/{subjectDescriptor}", "get"],
    request: ({ group }) => ({ path: `${GRAPH}/Memberships/${group.descriptor}?direction=down&api-version={version}` }),
    recorded: { file: "MembershipsBatch/BatchGetMembershipsGroupDown.json" },
  },
  {
    name: "graph storage key",
    area: "graph",
    operation: ["/{organization}/_apis/graph/storagekeys/{subjectDescriptor}", "get"],
    request: ({ user }) => ({ path: `${GRAPH}/storagekeys/${user.descriptor}?api-version={version}` }),
    recorded: { file: "StorageKeys/GetStorageKeyBySubjectDescriptor.json" },
  },
  {
    name: "graph descriptor",
    area: "graph",
    operation: ["/{organization}/_apis/graph/descriptors/{storageKey}", "get"],
    request: ({ user }) => ({ path: `${GRAPH}/descriptors/${user.id}?api-version={version}` }),
    recorded: { file: "Descriptors/GetDescriptorById.json" },
  },
  {
    name: "identities by subject descriptor",
    area: "ims",
    operation: ["/{organization}/_apis/identities", "get"],
    request: ({ user }) => ({
      path: `/vssps/fabrikam/_apis/identities?subjectDescriptors=${user.descriptor}&api-version={version}`,
    }),
    recorded: { file: "Identities/SearchBySubjectDescriptors.json" },
    maps: ["value[].properties"],
  },
  {
    name: "identities by id, membership expanded up",
    area: "ims",
    operation: ["/{organization}/_apis/identities", "get"],
    request: ({ user }) => ({
      path: `/vssps/fabrikam/_apis/identities?identityIds=${user.id}&queryMembership=ExpandedUp&api-version={version}`,
    }),
    recorded: { file: "Identities/SearchByIds.json" },
    maps: ["value[].properties"],
  },
  {
    name: "identities: a group by subject descriptor, membership expanded down (the group read of a rule)",
    area: "ims",
    operation: ["/{organization}/_apis/identities", "get"],
    request: ({ group }) => ({
      path: `/vssps/fabrikam/_apis/identities?subjectDescriptors=${group.descriptor}&queryMembership=ExpandedDown&api-version={version}`,
    }),
    recorded: { file: "Identities/SearchBySubjectDescriptors.json" },
    maps: ["value[].properties"],
  },
  {
    name: "identities by mail address",
    area: "ims",
    operation: ["/{organization}/_apis/identities", "get"],
    request: ({ user }) => ({
      path: `/vssps/fabrikam/_apis/identities?searchFilter=MailAddress&filterValue=${encodeURIComponent(user.email)}&api-version={version}`,
    }),
    recorded: { file: "Identities/SearchIdentityByEmail.json" },
    maps: ["value[].properties"],
  },
  {
    name: "identities: a group by its [scope]\\Name (the backend's PCA group lookup)",
    area: "ims",
    operation: ["/{organization}/_apis/identities", "get"],
    request: () => ({
      path: `/vssps/fabrikam/_apis/identities?searchFilter=General&filterValue=${encodeURIComponent("[fabrikam]\\Project Collection Administrators")}&queryMembership=None&api-version={version}`,
    }),
    recorded: { file: "Identities/SearchPCVUByName.json" },
    maps: ["value[].properties"],
  },
  {
    name: "user entitlements (list)",
    area: "memberEntitlementManagement",
    operation: ["/{organization}/_apis/userentitlements", "get"],
    request: () => ({ path: "/vsaex/fabrikam/_apis/userentitlements?api-version={version}" }),
    // No recorded list: each item is held to the recorded single entitlement.
    recorded: { file: "UserEntitlements/GET__memberEntitlementManagement_UserEntitlementById.json", itemsAt: "items" },
  },
  {
    name: "user entitlement",
    area: "memberEntitlementManagement",
    operation: ["/{organization}/_apis/userentitlements/{userId}", "get"],
    request: ({ user }) => ({ path: `/vsaex/fabrikam/_apis/userentitlements/${user.id}?api-version={version}` }),
    recorded: { file: "UserEntitlements/GET__memberEntitlementManagement_UserEntitlementById.json" },
  },
  {
    name: "permissions (Collection, GENERIC_WRITE)",
    area: "security",
    operation: ["/{organization}/_apis/permissions/{securityNamespaceId}/{permissions}", "get"],
    request: () => ({
      path: "/fabrikam/_apis/permissions/3e65f728-f8bc-4ecd-8764-7e378b19bfa7/2?tokens=NAMESPACE&api-version={version}",
    }),
    recorded: {
      file: "permissions/GET__permissions__securityNamespaceId__8__api-version-2.2_tokens-_token1_,_token2_,_token3__alwaysAllowAdministrators-False.json",
    },
  },
  {
    name: "work item with relations",
    area: "wit",
    operation: ["/{organization}/{project}/_apis/wit/workitems/{id}", "get"],
    request: () => ({ path: "/fabrikam/_apis/wit/workitems/2?$expand=all&api-version={version}" }),
    recorded: { file: "workItems/GET__wit_WorkItems_id.json" },
    maps: ["fields"],
  },
  {
    name: "work items by ids, expanded",
    area: "wit",
    operation: ["/{organization}/{project}/_apis/wit/workitems", "get"],
    request: () => ({
      path: "/fabrikam/_apis/wit/workitems?ids=2,3&$expand=all&errorPolicy=omit&api-version={version}",
    }),
    recorded: { file: "workItems/GET__wit_WorkItems_ids-_ids___expand-all.json" },
    maps: ["value[].fields"],
  },
  {
    name: "work items batch",
    area: "wit",
    operation: ["/{organization}/{project}/_apis/wit/workitemsbatch", "post"],
    request: () => ({
      path: "/fabrikam/_apis/wit/workitemsbatch?api-version={version}",
      body: { ids: [2, 3], $expand: "All" },
    }),
    recorded: { file: "workItems/GET__wit_WorkItems_ids-_ids___expand-all.json" },
    maps: ["value[].fields"],
  },
];

let client: StandinClient;
let token: string;
let seeded: Seeded;

beforeAll(async () => {
  client = await startClient();
  // A PCA sees everything the backend reads.
  token = (await client.tokens("fabrikam", "priya.patel@fabrikam.example")).accessToken;
  const org = client.standin.state.org("fabrikam");
  const user = org.user("marcus.johnson@fabrikam.example");
  const group = org.groups.find((g) => g.displayName === "Contributors")!;
  const aadGroup = org.groups.find((g) => g.origin === "aad")!;
  seeded = {
    user: { id: user.id, descriptor: user.descriptor, email: user.email },
    group: { id: group.id, descriptor: group.descriptor },
    aadGroup: { descriptor: aadGroup.descriptor },
  };
  // A link someone commented on, as in Microsoft's recorded work items.
  org.workItems.get(2)!.parentLinkComment = "decomposition of work";
  expect(fabrikam.workItems.find((w) => w.id === 2)?.parentId).toBe(1);
});
afterAll(() => client.standin.stop());

async function answer(c: Case): Promise<{ status: number; body: Json; version: string }> {
  const [version] = documentedApiVersions(c.area, ...c.operation);
  expect(version, `${c.name}: the specification documents an api-version`).toBeDefined();
  const { path, body } = c.request(seeded);
  const res = await client.call(path.replace("{version}", version), {
    auth: token,
    ...(body === undefined ? {} : { body }),
  });
  return { status: res.status, body: res.body, version: version };
}

describe("the Azure DevOps stand-in answers what the 7.1 specification documents", () => {
  it.each(CASES)("$name: the body validates against the operation's response schema", async (c) => {
    const { status, body } = await answer(c);
    expect(status).toBe(200);
    const validate = responseValidator(c.area, ...c.operation);
    const ok = validate(body);
    expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  });

  it.each(CASES.filter((c) => c.recorded))("$name: carries every field of Microsoft's recorded example", async (c) => {
    const { body } = await answer(c);
    const recorded = recordedBody(c.area, c.recorded!.file);
    const ours = c.recorded!.itemsAt ? body[c.recorded!.itemsAt] : body;
    const theirs = c.recorded!.itemsAt ? [recorded] : recorded;
    expect(
      missingRecordedKeys(
        theirs,
        ours,
        (c.maps ?? []).map((m) => (c.recorded!.itemsAt ? `[].${m}` : m)),
      ),
    ).toEqual([]);
  });

  it.each(CASES.filter((c) => c.recorded))(
    "$name: Microsoft's recorded body passes the same schema (the check is not stricter than the service)",
    (c) => {
      const validate = responseValidator(c.area, ...c.operation);
      const recorded = recordedBody(c.area, c.recorded!.file);
      const body = c.recorded!.itemsAt ? { items: [recorded], totalCount: 1 } : recorded;
      const ok = validate(body);
      expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    },
  );
});

describe("the stand-in's group SIDs have the shapes Microsoft recorded", () => {
  const sidOf = (descriptor: string) => Buffer.from(descriptor.split(".")[1], "base64url").toString("utf8");
  /**
   * What a group SID says: after the prefix and the host's 3 or 4 numbers, either well-known
   * RIDs (`0-0-0-0-1`: that scope's administrators) or a scope kind (1 project, 3 Entra) and
   * the group's own 4 numbers.
   */
  const shape = (sid: string) => {
    const m = /^S-1-9-1551374245(?:-\d+){3,4}?-(0-0-0-\d+-\d+|([13])(?:-\d+){4})$/.exec(sid);
    return m ? (m[2] ? `scope kind ${m[2]}` : `well-known ${m[1]}`) : `unrecognised ${sid}`;
  };
  const recorded = (principalName: string): string => {
    const groups = [
      ...recordedBody("graph", "Groups/GetAllGroups.json").value,
      ...Object.values(recordedBody("graph", "Subjectlookup/LookupSubjects.json").value),
    ];
    const group = groups.find((g: Json) => g.principalName.endsWith(principalName)) as
      { descriptor: string } | undefined;
    if (!group) throw new Error(`no recorded group ${principalName}`);
    return sidOf(group.descriptor);
  };

  it.each([
    [
      "Project Collection Administrators",
      (g: { isPcaGroup: boolean }) => g.isPcaGroup,
      "\\Project Collection Administrators",
    ],
    [
      "a project's Contributors",
      (g: { principalName: string }) => g.principalName === "[Fabrikam Web]\\Contributors",
      "[MyFirstProject]\\Contributors",
    ],
    ["an Entra group", (g: { origin: string }) => g.origin === "aad", "\\Part Time Engineers"],
    [
      "a project's Project Administrators",
      (g: { principalName: string }) => g.principalName === "[Fabrikam Mobile]\\Project Administrators",
      "[MyFirstProject]\\Project Administrators",
    ],
  ] as const)("%s", (_, pick, recordedName) => {
    const group = client.standin.state.org("fabrikam").groups.find((g) => pick(g as never))!;
    expect(shape(sidOf(group.descriptor))).toBe(shape(recorded(recordedName)));
    expect(group.sid).toBe(sidOf(group.descriptor));
  });

  it("a project's Project Administrators end like the PCA group but under the project's numbers, as recorded", () => {
    const scopeOf = (sid: string) => sid.replace(/-0-0-0-0-1$/, "");
    const org = client.standin.state.org("fabrikam");
    const pca = org.groups.find((g) => g.isPcaGroup)!;
    const projectAdmins = org.group("[Fabrikam Mobile]\\Project Administrators");
    const recordedDiffers =
      scopeOf(recorded("\\Project Collection Administrators")) !==
      scopeOf(recorded("[MyFirstProject]\\Project Administrators"));
    expect({ recordedDiffers, sameEnding: projectAdmins.sid.endsWith("-0-0-0-0-1") }).toEqual({
      recordedDiffers: true,
      sameEnding: true,
    });
    expect(scopeOf(projectAdmins.sid)).not.toBe(scopeOf(pca.sid));
  });
});
