import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DevopsOrgDirectory } from "../../functions/adapters/devops/org-directory";
import type { DirectoryCredential } from "../../functions/ports/org-directory";
import { startClient, type StandinClient } from "./test-support";
import type { DevError, GraphMembership, GraphSubject, Identity, WireList } from "./test-wire-shapes";

// The dev endpoints that change group membership while the stand-in runs, read back the way
// the backend reads a group: with the service account's PAT, through Graph and Identities, and
// through the backend's own directory adapter.

interface Member {
  descriptor: string;
  displayName: string;
  principalName: string;
  kind: "user" | "group";
}
interface Group {
  descriptor: string;
  principalName: string;
  displayName: string;
  origin: string;
  members: Member[];
}

const GRAPH = "/vssps/fabrikam/_apis/graph";
const PLATFORM = "[TEAM FOUNDATION]\\Platform Team";
const WEB_CONTRIBUTORS = "[Fabrikam Web]\\Contributors";
const NOAH = "noah.williams@fabrikam.example";
const membersPath = (group: string) => `/_dev/orgs/fabrikam/groups/${encodeURIComponent(group)}/members`;
const memberPath = (group: string, member: string) => `${membersPath(group)}/${encodeURIComponent(member)}`;

let client: StandinClient;
let pat: { pat: string };
let directory: DevopsOrgDirectory;
let credential: DirectoryCredential;

beforeAll(async () => {
  client = await startClient();
  // The org's service account: a PCA whose PAT the backend keeps for syncs.
  const res = await client.call<{ token: string }>("/_dev/pats", {
    body: { org: "fabrikam", user: "daniel.kim@fabrikam.example" },
  });
  pat = { pat: res.body.token };
  credential = { kind: "pat", pat: res.body.token };
  const url = client.standin.url;
  directory = new DevopsOrgDirectory({
    coreUrl: `${url}/{org}`,
    vsspsUrl: `${url}/vssps/{org}`,
    vsaexUrl: `${url}/vsaex/{org}`,
    requestTimeoutMs: 5_000,
  });
});
afterAll(() => client.standin.stop());

async function groups(): Promise<Group[]> {
  const res = await client.call<WireList<Group>>("/_dev/orgs/fabrikam/groups");
  expect(res.status).toBe(200);
  return res.body.value;
}

const groupNamed = async (principalName: string): Promise<Group> =>
  (await groups()).find((g) => g.principalName === principalName)!;

/** Direct members as Graph answers them to the service account (depth 1, then subject lookup). */
async function graphMemberNames(groupDescriptor: string): Promise<string[]> {
  const res = await client.call<WireList<GraphMembership>>(
    `${GRAPH}/Memberships/${encodeURIComponent(groupDescriptor)}?direction=down&api-version=7.1-preview.1`,
    { auth: pat },
  );
  expect(res.status).toBe(200);
  const lookup = await client.call<{ value: Record<string, GraphSubject> }>(`${GRAPH}/subjectlookup`, {
    body: { lookupKeys: res.body.value.map((m) => ({ descriptor: m.memberDescriptor })) },
    auth: pat,
  });
  return Object.values(lookup.body.value)
    .map((s) => s.displayName)
    .sort();
}

/** Everyone in a group, nested groups expanded, as Identities answers queryMembership=ExpandedDown. */
async function expandedMemberAccounts(groupDescriptor: string): Promise<string[]> {
  const res = await client.call<WireList<Identity>>(
    `/vssps/fabrikam/_apis/identities?subjectDescriptors=${encodeURIComponent(groupDescriptor)}&queryMembership=ExpandedDown&api-version=7.1`,
    { auth: pat },
  );
  expect(res.status).toBe(200);
  return res.body.value[0].members.map((d) => d.split("\\").pop()!);
}

describe("GET /_dev/orgs/{org}/groups", () => {
  it("lists every group with its direct members, users and nested groups", async () => {
    const all = await groups();
    expect(all.map((g) => g.principalName)).toEqual([
      "[fabrikam]\\Project Collection Administrators",
      WEB_CONTRIBUTORS,
      "[Fabrikam Web]\\Readers",
      "[Fabrikam Mobile]\\Contributors",
      "[Fabrikam Mobile]\\Project Administrators",
      "[TEAM FOUNDATION]\\Engineering",
      PLATFORM,
    ]);
    const engineering = all.find((g) => g.displayName === "Engineering")!;
    expect(engineering).toMatchObject({ origin: "aad", descriptor: expect.stringMatching(/^aadgp\./) as string });
    expect(engineering.members[0]).toEqual({
      descriptor: all.find((g) => g.principalName === PLATFORM)!.descriptor,
      displayName: "Platform Team",
      principalName: PLATFORM,
      kind: "group",
    });
    expect(engineering.members.slice(1).every((m) => m.kind === "user")).toBe(true);
    const pcas = all[0];
    expect(pcas.members.map((m) => m.principalName)).toEqual([
      "daniel.kim@fabrikam.example",
      "priya.patel@fabrikam.example",
      "sofia.hernandez@fabrikam.example",
    ]);
  });

  it("answers 404 for an org the stand-in does not have, naming the ones it has", async () => {
    const res = await client.call<DevError>("/_dev/orgs/northwind/groups");
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({
      code: "NotFound",
      message: "No organization 'northwind'; the stand-in has fabrikam, contoso.",
    });
  });
});

describe("adding and removing a member", () => {
  it("adds a user to a nested group; Graph, Identities and the backend's adapter see it at once; removing takes it back", async () => {
    const platform = await groupNamed(PLATFORM);
    const webContributors = await groupNamed(WEB_CONTRIBUTORS);
    expect(await graphMemberNames(platform.descriptor)).not.toContain("Noah Williams");
    const before = await directory.groupMembers("fabrikam", credential, webContributors.descriptor);
    expect([...before.values()].map((u) => u.email)).not.toContain(NOAH);

    const added = await client.call<Group>(membersPath(PLATFORM), { body: { member: NOAH } });
    expect(added.status).toBe(201);
    expect(added.body.principalName).toBe(PLATFORM);
    expect(added.body.members.map((m) => m.displayName)).toContain("Noah Williams");
    expect(await graphMemberNames(platform.descriptor)).toContain("Noah Williams");
    // Platform Team is in Engineering, which is in [Fabrikam Web]\Contributors: Noah is in all three now.
    expect(await expandedMemberAccounts(webContributors.descriptor)).toContain(NOAH);
    const after = await directory.groupMembers("fabrikam", credential, webContributors.descriptor);
    expect([...after.values()].map((u) => u.email)).toContain(NOAH);
    expect(after.size).toBe(before.size + 1);

    const removed = await client.call<Group>(memberPath(PLATFORM, NOAH), { method: "DELETE" });
    expect(removed.status).toBe(200);
    expect(removed.body.members.map((m) => m.displayName)).not.toContain("Noah Williams");
    expect(await graphMemberNames(platform.descriptor)).not.toContain("Noah Williams");
    expect(await expandedMemberAccounts(webContributors.descriptor)).not.toContain(NOAH);
    expect(await directory.groupMembers("fabrikam", credential, webContributors.descriptor)).toEqual(before);
  });

  it("takes the group by descriptor and the member by user id, descriptor or group principal name", async () => {
    const readers = await groupNamed("[Fabrikam Web]\\Readers");
    const isabella = client.standin.state.org("fabrikam").user("isabella.costa@fabrikam.example");
    const path = `/_dev/orgs/fabrikam/groups/${encodeURIComponent(readers.descriptor)}/members`;

    const byId = await client.call<Group>(path, { body: { member: isabella.id } });
    expect(byId.status).toBe(201);
    const byGroup = await client.call<Group>(path, { body: { member: PLATFORM } });
    expect(byGroup.status).toBe(201);
    expect(byGroup.body.members.find((m) => m.kind === "group")).toMatchObject({ principalName: PLATFORM });
    expect(await graphMemberNames(readers.descriptor)).toEqual(
      [...readers.members.map((m) => m.displayName), "Isabella Costa", "Platform Team"].sort(),
    );

    expect((await client.call(`${path}/${encodeURIComponent(isabella.descriptor)}`, { method: "DELETE" })).status).toBe(
      200,
    );
    expect((await client.call(`${path}/${encodeURIComponent(PLATFORM)}`, { method: "DELETE" })).status).toBe(200);
    expect((await groupNamed("[Fabrikam Web]\\Readers")).members).toEqual(readers.members);
  });

  it("makes a user a Project Collection Administrator for the backend's check, and takes it back", async () => {
    const pcas = "[fabrikam]\\Project Collection Administrators";
    const marcus = client.standin.state.org("fabrikam").user("marcus.johnson@fabrikam.example");
    expect(await directory.isCollectionAdmin("fabrikam", credential, marcus.id)).toBe(false);
    expect((await client.call(membersPath(pcas), { body: { member: marcus.email } })).status).toBe(201);
    expect(await directory.isCollectionAdmin("fabrikam", credential, marcus.id)).toBe(true);
    expect((await client.call(memberPath(pcas, marcus.email), { method: "DELETE" })).status).toBe(200);
    expect(await directory.isCollectionAdmin("fabrikam", credential, marcus.id)).toBe(false);
  });
});

describe("refusals change nothing", () => {
  async function refused(path: string, init: { method?: string; body?: unknown }, status: number): Promise<string> {
    const snapshot = JSON.stringify(await groups());
    const res = await client.call<DevError>(path, init);
    expect(res.status).toBe(status);
    expect(JSON.stringify(await groups())).toBe(snapshot);
    return res.body.error.message;
  }

  it("404s an unknown group or member, saying how to name them and where they are listed", async () => {
    expect(await refused(membersPath("[Fabrikam Web]\\Testers"), { body: { member: NOAH } }, 404)).toBe(
      "No group '[Fabrikam Web]\\Testers' in organization 'fabrikam'. Name it by descriptor or by [scope]\\Name, URL-encoded; GET /_dev/orgs/fabrikam/groups lists them.",
    );
    expect(await refused(membersPath(PLATFORM), { body: { member: "nobody@fabrikam.example" } }, 404)).toContain(
      "No user or group 'nobody@fabrikam.example' in organization 'fabrikam'. Name a user by id, email or descriptor",
    );
    expect(await refused(memberPath(PLATFORM, "nobody@fabrikam.example"), { method: "DELETE" }, 404)).toContain(
      "No user or group 'nobody@fabrikam.example'",
    );
    expect(await refused("/_dev/orgs/northwind/groups/x/members", { body: { member: NOAH } }, 404)).toContain(
      "No organization 'northwind'",
    );
  });

  it("409s adding someone who already is a direct member", async () => {
    expect(await refused(membersPath(PLATFORM), { body: { member: "zara.ahmed@fabrikam.example" } }, 409)).toBe(
      "Zara Ahmed (zara.ahmed@fabrikam.example) is already a direct member of '[TEAM FOUNDATION]\\Platform Team'; nothing changed.",
    );
  });

  it("404s removing someone who is not a direct member, naming the nested group they are in it through", async () => {
    expect(await refused(memberPath(WEB_CONTRIBUTORS, "zara.ahmed@fabrikam.example"), { method: "DELETE" }, 404)).toBe(
      "Zara Ahmed (zara.ahmed@fabrikam.example) is not a direct member of '[Fabrikam Web]\\Contributors': they are in it through '[TEAM FOUNDATION]\\Engineering'. Remove them where they are a direct member.",
    );
    expect(await refused(memberPath(PLATFORM, NOAH), { method: "DELETE" }, 404)).toBe(
      "Noah Williams (noah.williams@fabrikam.example) is not a member of '[TEAM FOUNDATION]\\Platform Team'; nothing to remove.",
    );
  });

  it("400s a group put into itself or into a group it contains", async () => {
    expect(await refused(membersPath(PLATFORM), { body: { member: PLATFORM } }, 400)).toBe(
      "'[TEAM FOUNDATION]\\Platform Team' cannot be a member of itself.",
    );
    // Platform Team is in Engineering, which is in [Fabrikam Web]\Contributors.
    expect(await refused(membersPath(PLATFORM), { body: { member: WEB_CONTRIBUTORS } }, 400)).toBe(
      "Adding '[Fabrikam Web]\\Contributors' to '[TEAM FOUNDATION]\\Platform Team' would make a group a member of itself: '[Fabrikam Web]\\Contributors' already contains '[TEAM FOUNDATION]\\Platform Team', directly or through other groups.",
    );
  });

  it("400s a body without a member", async () => {
    for (const body of [{}, { member: " " }, { member: 7 }, "not json"]) {
      expect(await refused(membersPath(PLATFORM), { body }, 400)).toMatch(/member|JSON/);
    }
  });
});
