import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startClient, type StandinClient } from "./test-support";
import type { EntitlementPage, GraphSubject, WireList } from "./test-wire-shapes";

// A large org is built in memory; the point is that paging still holds, not speed.
let client: StandinClient;
let token: string;

beforeAll(async () => {
  client = await startClient();
  token = (await client.tokens("fabrikam", "priya.patel@fabrikam.example")).accessToken;
});
afterAll(() => client.standin.stop());

describe("an org with 100,000 more users", () => {
  it("adds them and still pages Graph users and entitlements to the end", async () => {
    const added = client.standin.state.org("fabrikam").addSyntheticUsers(100_000);
    expect(added).toHaveLength(100_000);
    expect(added[99_999].email).toBe("synthetic.user100000@fabrikam.example");

    const first = await client.call<WireList<GraphSubject>>("/vssps/fabrikam/_apis/graph/users?subjectTypes=aad", {
      auth: token,
    });
    expect(first.body.count).toBe(500);
    const continuation = first.headers.get("x-ms-continuationtoken");
    expect(continuation).toBeTruthy();
    const second = await client.call<WireList<GraphSubject>>(
      `/vssps/fabrikam/_apis/graph/users?subjectTypes=aad&continuationToken=${continuation}`,
      { auth: token },
    );
    expect(second.body.value[0].principalName).toBe("synthetic.user000476@fabrikam.example");

    const entitlements = await client.call<EntitlementPage>("/vsaex/fabrikam/_apis/userentitlements?api-version=7.1", {
      auth: token,
    });
    expect(entitlements.body.totalCount).toBe(100_025);
    expect(entitlements.body.items).toHaveLength(100);
    // Walk to the last page by following tokens from a page near the end.
    const nearEnd = Buffer.from("entitlements:100000", "utf8").toString("base64url");
    const last = await client.call<EntitlementPage>(
      `/vsaex/fabrikam/_apis/userentitlements?api-version=7.1&continuationToken=${nearEnd}`,
      { auth: token },
    );
    expect(last.body.items.map((m: { user: { principalName: string } }) => m.user.principalName).at(-1)).toBe(
      "synthetic.user100000@fabrikam.example",
    );
    expect(last.body).not.toHaveProperty("continuationToken");

    const found = await client.call<EntitlementPage>(
      `/vsaex/fabrikam/_apis/userentitlements?api-version=7.1&$filter=${encodeURIComponent("name eq 'user099999'")}`,
      { auth: token },
    );
    expect(found.body.items.map((m: { user: { displayName: string } }) => m.user.displayName)).toEqual([
      "Synthetic User 099999",
    ]);
  }, 60_000); // generous: the machine is shared, and this test asserts no timings
});
