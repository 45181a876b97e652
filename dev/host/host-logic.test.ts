import { describe, expect, it } from "vitest";
import { hubSlug, placeContributions } from "./client/contributions";
import { expiryMs, TokenCache } from "./client/tokens";
import { formatUrl, parseUrl, withPageQuery } from "./client/url-state";
import { XdmSerializer } from "./client/xdm/serialization";
import type { HostContribution, StandinTokens } from "./shared/config-types";

// The host page's pure parts: deep links, token caching, the XDM value encoding
// and where contributions show up. The browser test covers them end to end.

describe("deep links", () => {
  it("reads user, host, org, theme, route and a hosted page's hash", () => {
    expect(
      parseUrl({ search: "?user=a%40b.example&host=server&org=contoso&theme=dark", hash: "#/workitem/12#week=3" }),
    ).toEqual({
      user: "a@b.example",
      host: "server",
      org: "contoso",
      theme: "dark",
      route: { kind: "workitem", id: 12 },
      contentHash: "week=3",
    });
    expect(parseUrl({ search: "", hash: "" })).toMatchObject({
      host: "cloud",
      theme: "light",
      route: { kind: "hub" },
      contentHash: "",
    });
    expect(parseUrl({ search: "", hash: "#/settings/permissions" }).route).toEqual({
      kind: "settings",
      slug: "permissions",
    });
    expect(parseUrl({ search: "", hash: "#/standin/groups" }).route).toEqual({ kind: "standin-groups" });
    expect(parseUrl({ search: "", hash: "#/workitem/abc" }).route).toEqual({ kind: "hub" });
  });

  it("writes them back, keeping query parameters that hosted pages set", () => {
    const url = formatUrl(
      {
        user: "a@b.example",
        org: "fabrikam",
        host: "cloud",
        theme: "light",
        route: { kind: "workitem", id: 7 },
        contentHash: "",
      },
      "?tab=times&user=old",
    );
    expect(url).toBe("?tab=times&user=a%40b.example&org=fabrikam&host=cloud#/workitem/7");
    const parsed = parseUrl({ search: url.slice(0, url.indexOf("#")), hash: url.slice(url.indexOf("#")) });
    expect(parsed.route).toEqual({ kind: "workitem", id: 7 });
  });
});

describe("navigating to a page address with a query string", () => {
  it("keeps the host's own parameters and gives the hosted pages exactly the address's", () => {
    expect(withPageQuery("?org=fabrikam&user=a%40b.example&tab=times", new URLSearchParams("users=8"))).toBe(
      "?org=fabrikam&user=a%40b.example&users=8",
    );
    expect(withPageQuery("?org=fabrikam&users=8", new URLSearchParams(""))).toBe("?org=fabrikam");
    // A page address cannot switch the signed-in user or the organization.
    expect(withPageQuery("?user=a", new URLSearchParams("user=b&users=3"))).toBe("?user=a&users=3");
  });
});

describe("token cache", () => {
  const tokens = (user: string, expiresAt: string | number): StandinTokens => ({
    appToken: `app-${user}-${expiresAt}`,
    accessToken: `access-${user}`,
    expiresAt,
    user: { id: user, displayName: user, email: `${user}@x` },
    org: { id: "o", name: "fabrikam" },
  });

  it("mints once per user and org until shortly before expiry", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const minted: string[] = [];
    const cache = new TokenCache(
      async (org, user) => {
        minted.push(`${org}/${user}`);
        return tokens(user, new Date(now + 70 * 60_000).toISOString());
      },
      () => now,
    );
    await Promise.all([cache.get("fabrikam", "u1"), cache.get("fabrikam", "u1")]);
    await cache.get("fabrikam", "u2");
    now += 60 * 60_000; // 10 minutes left: still good
    await cache.get("fabrikam", "u1");
    expect(minted).toEqual(["fabrikam/u1", "fabrikam/u2"]);
    now += 9.5 * 60_000; // 30 s left: renew
    await cache.get("fabrikam", "u1");
    expect(minted).toEqual(["fabrikam/u1", "fabrikam/u2", "fabrikam/u1"]);
  });

  it("does not keep a failed mint", async () => {
    let calls = 0;
    const cache = new TokenCache(async (_org, user) => {
      calls += 1;
      if (calls === 1) throw new Error("stand-in down");
      return tokens(user, Date.now() / 1000 + 3600);
    });
    await expect(cache.get("fabrikam", "u1")).rejects.toThrow("stand-in down");
    await expect(cache.get("fabrikam", "u1")).resolves.toMatchObject({ accessToken: "access-u1" });
  });

  it("accepts ISO dates and epoch seconds or milliseconds as expiry", () => {
    expect(expiryMs({ expiresAt: "2026-01-01T00:00:00Z" })).toBe(Date.parse("2026-01-01T00:00:00Z"));
    expect(expiryMs({ expiresAt: 1_767_225_600 })).toBe(1_767_225_600_000);
    expect(expiryMs({ expiresAt: 1_767_225_600_000 })).toBe(1_767_225_600_000);
  });
});

describe("XDM value encoding", () => {
  it("turns functions into proxy ids and back into remote calls, keeps dates and cycles", () => {
    const registered: ((...args: unknown[]) => unknown)[] = [];
    const called: [number, unknown[]][] = [];
    const serializer = new XdmSerializer(
      (fn) => registered.push(fn),
      (id) =>
        (...args) =>
          called.push([id, args]),
      7,
    );
    const when = new Date("2026-02-03T04:05:06Z");
    const value: Record<string, unknown> = {
      title: "x",
      when,
      _private: 1,
      close: (r: unknown) => `closed ${String(r)}`,
    };
    value.self = value;
    const wire = JSON.parse(JSON.stringify(serializer.serialize([value]))) as unknown[];
    expect(wire[0]).toEqual({
      title: "x",
      when: { __proxyDate: when.getTime() },
      close: { __proxyFunctionId: 1, _channelId: 7 },
      self: { __circularReference: 1 },
      __circularReferenceId: 1,
    });
    expect(registered[0]("ok")).toBe("closed ok");

    const [back] = serializer.deserialize(wire) as [Record<string, unknown>];
    expect(back.when).toEqual(when);
    expect(back.self).toBe(back);
    (back.close as (r: unknown) => void)("result");
    expect(called).toEqual([[1, ["result"]]]);
  });
});

describe("contribution places", () => {
  const c = (id: string, type: string, targets: string[] = []): HostContribution => ({
    id,
    fullId: `p.e.${id}`,
    type,
    targets,
    properties: {},
  });
  const all = [
    c("timetracker-hub", "ms.vss-web.hub", ["ms.vss-work-web.work-hub-group"]),
    c("timetracker-permissions-hub", "ms.vss-web.hub", ["ms.vss-web.collection-admin-hub-group"]),
    c("timetracker-work-item-group", "ms.vss-work-web.work-item-form-group", ["ms.vss-work-web.work-item-form"]),
    c("timetracker-add-time-action", "ms.vss-web.action", ["ms.vss-work-web.work-item-toolbar-menu"]),
  ];

  it("puts hubs, groups and toolbar actions where Azure DevOps shows them", () => {
    const places = placeContributions(all);
    expect(places.projectHubs.map((h) => h.id)).toEqual(["timetracker-hub"]);
    expect(places.adminHubs.map((h) => h.id)).toEqual(["timetracker-permissions-hub"]);
    expect(places.formGroups.map((h) => h.id)).toEqual(["timetracker-work-item-group"]);
    expect(places.formActions.map((h) => h.id)).toEqual(["timetracker-add-time-action"]);
  });

  it("routes settings hubs by a short slug", () => {
    expect(hubSlug(all[1], all)).toBe("permissions");
  });
});
