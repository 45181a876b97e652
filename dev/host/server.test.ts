import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevHost, type DevHost } from "./server";
import type { DevHostConfig } from "./shared/config-types";

// The dev host's HTTP side, against a throwaway repo and a fake stand-in that
// records what reaches it (the stand-in is an edge this file does not own).

let repoRoot: string;
let host: DevHost;
let standin: Server;
const received: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  repoRoot = await mkdtemp(join(tmpdir(), "devhost-server-"));
  await mkdir(join(repoRoot, "dist", "web"), { recursive: true });
  await mkdir(join(repoRoot, "static", "images"), { recursive: true });
  await writeFile(join(repoRoot, "dist", "web", "hub.html"), "<!doctype html><p>hub</p>");
  await writeFile(join(repoRoot, "dist", "web", "hub.js"), "console.log('hub')");
  await writeFile(join(repoRoot, "static", "images", "logo.svg"), "<svg/>");
  await writeFile(join(repoRoot, "secret.txt"), "not served");
  await writeFile(
    join(repoRoot, "vss-extension.json"),
    JSON.stringify({
      publisher: "pub",
      id: "ext",
      version: "2.0.0",
      contributions: [
        {
          id: "my-hub",
          type: "ms.vss-web.hub",
          targets: ["ms.vss-work-web.work-hub-group"],
          properties: { name: "My Hub", uri: "dist/web/hub.html" },
        },
        {
          id: "my-action",
          type: "ms.vss-web.action",
          targets: ["ms.vss-work-web.work-item-toolbar-menu"],
          properties: { text: "Do it", uri: "dist/web/a.html" },
        },
      ],
    }),
  );
  await writeFile(join(repoRoot, "overrides.json"), JSON.stringify({ id: "ext-dev" }));

  standin = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", body });
      const status = req.url === "/_dev/orgs/nowhere" ? 404 : 200;
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify(
          status === 200 ? { echoed: req.url } : { error: { code: "NotFound", message: "no org nowhere" } },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => standin.listen(0, "127.0.0.1", resolve));
  const devopsUrl = `http://127.0.0.1:${(standin.address() as AddressInfo).port}`;
  host = await startDevHost({
    port: 0,
    repoRoot,
    devopsUrl,
    apiUrl: "http://127.0.0.1:7071",
    manifestOverridesFile: join(repoRoot, "overrides.json"),
  });
}, 30_000);

afterAll(async () => {
  await host?.stop();
  await new Promise((resolve) => standin?.close(resolve));
  await rm(repoRoot, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${host.port}${path}`, init);

describe("dev host server", () => {
  it("serves the host page and its bundled script and styles", async () => {
    const page = await get("/");
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain('src="/host/main.js"');
    const script = await get("/host/main.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    expect((await get("/host/main.css")).headers.get("content-type")).toContain("text/css");
  });

  it("describes the extension from the manifest (with overrides) in /api/_devhost/config", async () => {
    const config = (await (await get("/api/_devhost/config")).json()) as DevHostConfig;
    expect(config.extension).toMatchObject({
      publisherId: "pub",
      extensionId: "ext-dev",
      id: "pub.ext-dev",
      version: "2.0.0",
    });
    expect(config.contributions.map((c) => [c.id, c.fullId, c.uri, c.name])).toEqual([
      ["my-hub", "pub.ext-dev.my-hub", "dist/web/hub.html", "My Hub"],
      ["my-action", "pub.ext-dev.my-action", "dist/web/a.html", "Do it"],
    ]);
    expect(config).toMatchObject({
      extensionBaseUrl: "/ext/",
      apiUrl: "http://127.0.0.1:7071",
      defaultOrg: "fabrikam",
    });
  });

  it("serves the built extension and static files uncached with their content types", async () => {
    const js = await get("/ext/dist/web/hub.js");
    expect(await js.text()).toBe("console.log('hub')");
    expect(js.headers.get("content-type")).toContain("text/javascript");
    expect(js.headers.get("cache-control")).toBe("no-store");
    expect((await get("/ext/static/images/logo.svg")).headers.get("content-type")).toBe("image/svg+xml");
  });

  it("answers a missing file with 404 and a path leaving the folder with 400", async () => {
    const missing = await get("/ext/dist/web/nope.html");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("NotFound");
    const escape = await get("/ext/dist/web/..%2F..%2Fsecret.txt");
    expect(escape.status).toBe(400);
    expect(await escape.text()).not.toContain("not served");
  });

  it("proxies token minting, the org directory, the Cloud/Server switch and group membership to the stand-in, passing its errors through", async () => {
    const tokens = await get("/_dev/tokens", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ org: "fabrikam", user: "u1" }),
    });
    expect(await tokens.json()).toEqual({ echoed: "/_dev/tokens" });
    expect(received.at(-1)).toEqual({ method: "POST", url: "/_dev/tokens", body: '{"org":"fabrikam","user":"u1"}' });

    const server = await get("/_dev/orgs/fabrikam/deployment", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: '{"deployment":"server"}',
    });
    expect(server.status).toBe(200);
    expect(received.at(-1)).toEqual({
      method: "PUT",
      url: "/_dev/orgs/fabrikam/deployment",
      body: '{"deployment":"server"}',
    });
    expect((await get("/_dev/orgs/fabrikam/users", { method: "PUT", body: "{}" })).status).toBe(405);

    // The Groups (stand-in) page: list, add and remove, names URL-encoded as the page sends them.
    const members = `/_dev/orgs/fabrikam/groups/${encodeURIComponent("[TEAM FOUNDATION]\\Platform Team")}/members`;
    expect((await get("/_dev/orgs/fabrikam/groups")).status).toBe(200);
    expect(received.at(-1)).toEqual({ method: "GET", url: "/_dev/orgs/fabrikam/groups", body: "" });
    await get(members, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"member":"u1"}' });
    expect(received.at(-1)).toEqual({ method: "POST", url: members, body: '{"member":"u1"}' });
    await get(`${members}/aad.dTE%2B%2F`, { method: "DELETE" });
    expect(received.at(-1)).toEqual({ method: "DELETE", url: `${members}/aad.dTE%2B%2F`, body: "" });
    expect((await get("/_dev/orgs/fabrikam/groups", { method: "DELETE" })).status).toBe(405);

    const missingOrg = await get("/_dev/orgs/nowhere");
    expect(missingOrg.status).toBe(404);
    expect(await missingOrg.json()).toEqual({ error: { code: "NotFound", message: "no org nowhere" } });
  });

  it("refuses other methods and paths with a clear error", async () => {
    const post = await get("/ext/dist/web/hub.js", { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    const unknown = await get("/whatever");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain("/whatever");
  });
});

describe("dev host server without its stand-in", () => {
  it("answers 502 when the Azure DevOps stand-in is down", async () => {
    const lonely = await startDevHost({
      port: 0,
      repoRoot,
      devopsUrl: "http://127.0.0.1:9",
      apiUrl: "http://127.0.0.1:9",
    });
    try {
      const res = await fetch(`http://127.0.0.1:${lonely.port}/_dev/orgs/fabrikam`);
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("Upstream");
    } finally {
      await lonely.stop();
    }
  }, 20_000);
});
