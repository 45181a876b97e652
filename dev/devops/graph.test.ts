import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fabrikam } from "./seed";
import { startClient, type StandinClient } from "./test-support";
import type { GraphMembership, GraphSubject, Identity, WireError, WireList } from "./test-wire-shapes";

const GRAPH = "/vssps/fabrikam/_apis/graph";
const emailsOf = (locals: string[]): string[] => locals.map((l) => `${l}@fabrikam.example`).sort();
let client: StandinClient;
let token: string;

beforeAll(async () => {
  client = await startClient({ pageSizes: { graphUsers: 10 } });
  token = (await client.tokens("fabrikam", "daniel.kim@fabrikam.example")).accessToken;
});
afterAll(() => client.standin.stop());

async function descriptorOf(principalName: string): Promise<string> {
  const res = await client.call<WireList<GraphSubject>>(`${GRAPH}/subjectquery?api-version=7.1-preview.1`, {
    body: { query: principalName, subjectKind: ["Group"] },
    auth: token,
  });
  const group = res.body.value.find((g: { principalName: string }) => g.principalName === principalName);
  if (!group) throw new Error(`no group ${principalName}`);
  return group.descriptor;
}

describe("graph users", () => {
  it("pages through every user with X-MS-ContinuationToken", async () => {
    const pages: Array<{ count: number; names: string[] }> = [];
    let continuation: string | null = null;
    do {
      const query: string = continuation ? `&continuationToken=${encodeURIComponent(continuation)}` : "";
      const res = await client.call<WireList<GraphSubject>>(
        `${GRAPH}/users?subjectTypes=aad,msa&api-version=7.1-preview.1${query}`,
        { auth: token },
      );
      expect(res.status).toBe(200);
      pages.push({
        count: res.body.count,
        names: res.body.value.map((u: { principalName: string }) => u.principalName),
      });
      continuation = res.headers.get("x-ms-continuationtoken");
    } while (continuation);
    expect(pages.map((p) => p.count)).toEqual([10, 10, 5]);
    expect(pages.flatMap((p) => p.names)).toEqual(fabrikam.users.map((u) => u.email));
  });

  it("returns GraphUser objects with aad descriptors that are not the storage key", async () => {
    const res = await client.call<WireList<GraphSubject>>(`${GRAPH}/users?subjectTypes=aad`, { auth: token });
    const first = res.body.value[0];
    expect(first).toMatchObject({
      subjectKind: "user",
      origin: "aad",
      displayName: "Priya Patel",
      principalName: "priya.patel@fabrikam.example",
      mailAddress: "priya.patel@fabrikam.example",
      domain: fabrikam.tenantId,
    });
    expect(first.descriptor).toMatch(/^aad\.[A-Za-z0-9+/]+$/);
    expect(first.url).toContain(`/_apis/Graph/Users/${first.descriptor}`);
    const storageKey = await client.call<{ value: string }>(`${GRAPH}/storagekeys/${first.descriptor}`, {
      auth: token,
    });
    expect(storageKey.body.value).toBe(fabrikam.users[0].id);
    expect(Buffer.from(first.descriptor.slice("aad.".length), "base64").toString()).not.toBe(fabrikam.users[0].id);
  });

  it("rejects a continuation token it did not issue", async () => {
    const res = await client.call<WireList<GraphSubject>>(`${GRAPH}/users?continuationToken=garbage`, { auth: token });
    expect(res.status).toBe(400);
  });
});

describe("subject query", () => {
  it("finds groups by case-insensitive prefix of display or principal name", async () => {
    const byName = await client.call<WireList<GraphSubject>>(`${GRAPH}/subjectquery`, {
      body: { query: "contrib", subjectKind: ["Group"] },
      auth: token,
    });
    expect(byName.body.value.map((g: { principalName: string }) => g.principalName).sort()).toEqual([
      "[Fabrikam Mobile]\\Contributors",
      "[Fabrikam Web]\\Contributors",
    ]);
    const byPrincipal = await client.call<WireList<GraphSubject>>(`${GRAPH}/subjectquery`, {
      body: { query: "[fabrikam web]", subjectKind: ["Group"] },
      auth: token,
    });
    expect(byPrincipal.body.count).toBe(2);
    const entra = await client.call<WireList<GraphSubject>>(`${GRAPH}/subjectquery`, {
      body: { query: "Eng", subjectKind: ["Group"] },
      auth: token,
    });
    expect(entra.body.value).toHaveLength(1);
    expect(entra.body.value[0]).toMatchObject({ subjectKind: "group", origin: "aad", displayName: "Engineering" });
    expect(entra.body.value[0].descriptor).toMatch(/^aadgp\./);
  });

  it("does not return users when only groups are asked for, and 400s an empty query", async () => {
    const res = await client.call<WireList<GraphSubject>>(`${GRAPH}/subjectquery`, {
      body: { query: "Priya", subjectKind: ["Group"] },
      auth: token,
    });
    expect(res.body.count).toBe(0);
    const empty = await client.call<WireError>(`${GRAPH}/subjectquery`, {
      body: { query: " ", subjectKind: ["Group"] },
      auth: token,
    });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain("query");
  });
});

describe("memberships, subject lookup and identities", () => {
  it("lists direct members (users and groups) of a group", async () => {
    const webContributors = await descriptorOf("[Fabrikam Web]\\Contributors");
    const res = await client.call<WireList<GraphMembership>>(`${GRAPH}/Memberships/${webContributors}?direction=down`, {
      auth: token,
    });
    expect(res.body.count).toBe(4);
    const members: string[] = res.body.value.map((m: { memberDescriptor: string }) => m.memberDescriptor);
    expect(
      res.body.value.every((m: { containerDescriptor: string }) => m.containerDescriptor === webContributors),
    ).toBe(true);
    const lookup = await client.call<{ value: Record<string, GraphSubject> }>(`${GRAPH}/subjectlookup`, {
      body: { lookupKeys: members.map((descriptor) => ({ descriptor })) },
      auth: token,
    });
    const subjects = Object.values(lookup.body.value);
    expect(subjects.map((s) => `${s.subjectKind}:${s.displayName}`).sort()).toEqual([
      "group:Engineering",
      "user:Aisha Okafor",
      "user:Grace Wright",
      "user:Marcus Johnson",
    ]);
  });

  it("expands nested Entra groups through identities?queryMembership=expanded", async () => {
    const engineering = await descriptorOf("[TEAM FOUNDATION]\\Engineering");
    const res = await client.call<WireList<Identity>>(
      `/vssps/fabrikam/_apis/identities?subjectDescriptors=${engineering}&queryMembership=expanded`,
      { auth: token },
    );
    expect(res.body.count).toBe(1);
    const identity = res.body.value[0];
    expect(identity).toMatchObject({ isContainer: true, subjectDescriptor: engineering });
    // Members come back as identity descriptors; resolve them the way a client would.
    const resolved = await client.call<WireList<Identity>>(
      `/vssps/fabrikam/_apis/identities?descriptors=${encodeURIComponent(identity.members.join(","))}`,
      { auth: token },
    );
    const users = resolved.body.value.filter((i: { isContainer: boolean }) => !i.isContainer);
    const userEmails = users
      .map((i: { properties: { Account: { $value: string } } }) => i.properties.Account.$value)
      .sort();
    expect(userEmails).toEqual(
      emailsOf([
        "liam.oconnor",
        "mei.chen",
        "jonas.mueller",
        "fatima.alsayed",
        "rahul.sharma",
        "chloe.dubois",
        "kwame.mensah",
        "zara.ahmed",
        "ethan.clarke",
      ]),
    );
    expect(users.map((i: { id: string }) => i.id).sort()).toEqual(
      fabrikam.users
        .filter((u) => userEmails.includes(u.email))
        .map((u) => u.id)
        .sort(),
    );
    expect(
      resolved.body.value.some(
        (i: { providerDisplayName: string }) => i.providerDisplayName === "[TEAM FOUNDATION]\\Platform Team",
      ),
    ).toBe(true);
  });

  it("sees membership changes made through the state", async () => {
    const org = client.standin.state.org("fabrikam");
    const platform = org.group("Platform Team");
    org.addGroupMember("Platform Team", "noah.williams@fabrikam.example");
    org.removeGroupMember("Platform Team", "zara.ahmed@fabrikam.example");
    const res = await client.call<WireList<GraphMembership>>(
      `${GRAPH}/Memberships/${platform.descriptor}?direction=down`,
      { auth: token },
    );
    const names = res.body.value.map((m: { memberDescriptor: string }) => org.subject(m.memberDescriptor)?.displayName);
    expect(names).toContain("Noah Williams");
    expect(names).not.toContain("Zara Ahmed");
  });

  it("lists a user's groups with direction=up", async () => {
    const org = client.standin.state.org("fabrikam");
    const kwame = org.user("kwame.mensah@fabrikam.example");
    const res = await client.call<WireList<GraphMembership>>(`${GRAPH}/Memberships/${kwame.descriptor}?direction=up`, {
      auth: token,
    });
    const containers = res.body.value.map(
      (m: { containerDescriptor: string }) => org.group(m.containerDescriptor).principalName,
    );
    expect(containers.sort()).toEqual(["[Fabrikam Mobile]\\Contributors", "[TEAM FOUNDATION]\\Platform Team"]);
  });

  it("finds a group identity by its [scope]\\Name with searchFilter=General, as the service does", async () => {
    const find = async (name: string) =>
      (
        await client.call<WireList<Identity>>(
          `/vssps/fabrikam/_apis/identities?searchFilter=General&filterValue=${encodeURIComponent(name)}&queryMembership=None`,
          { auth: token },
        )
      ).body.value.map((i) => ({ name: i.providerDisplayName, domain: i.properties.Domain.$value, sid: i.descriptor }));
    const pca = await find("[FABRIKAM]\\Project Collection Administrators");
    expect(pca).toEqual([
      {
        name: "[fabrikam]\\Project Collection Administrators",
        domain: `vstfs:///Framework/IdentityDomain/${fabrikam.id}`,
        sid: expect.stringMatching(/^Microsoft\.TeamFoundation\.Identity;S-1-9-1551374245-[\d-]+-0-0-0-0-1$/),
      },
    ]);
    // A project's administrators: the same SID ending, but the project's domain and numbers.
    const mobile = fabrikam.projects.find((p) => p.name === "Fabrikam Mobile")!;
    const projectAdmins = await find("[Fabrikam Mobile]\\Project Administrators");
    expect(projectAdmins).toEqual([
      {
        name: "[Fabrikam Mobile]\\Project Administrators",
        domain: `vstfs:///Classification/TeamProject/${mobile.id}`,
        sid: expect.stringMatching(/-0-0-0-0-1$/),
      },
    ]);
    expect(projectAdmins[0].sid).not.toBe(pca[0].sid);
  });

  it("finds a user identity by email and answers null for unknown descriptors", async () => {
    const byEmail = await client.call<WireList<Identity>>(
      "/vssps/fabrikam/_apis/identities?searchFilter=General&filterValue=Tom.Becker@fabrikam.example",
      { auth: token },
    );
    expect(byEmail.body.value.map((i: { providerDisplayName: string }) => i.providerDisplayName)).toEqual([
      "Tom Becker",
    ]);
    const unknown = await client.call("/vssps/fabrikam/_apis/identities?subjectDescriptors=aad.bm9ib2R5", {
      auth: token,
    });
    expect(unknown.body).toEqual({ count: 1, value: [null] });
    const missing = await client.call(`${GRAPH}/Memberships/aad.bm9ib2R5?direction=down`, { auth: token });
    expect(missing.status).toBe(404);
  });
});
