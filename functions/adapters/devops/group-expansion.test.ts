import { describe, expect, it } from "vitest";
import { expandGroup, type GroupGraph, type Resolved } from "./group-expansion";

type Subject = [descriptor: string, resolved: Resolved<{ descriptor: string }>];
const user = (d: string): Subject => [d, { kind: "user", user: { descriptor: d } }];
const group = (d: string): Subject => [d, { kind: "group" }];

function graph(
  edges: Record<string, string[]>,
  subjects: Subject[],
): GroupGraph<{ descriptor: string }> & { opened: string[] } {
  const byDescriptor = new Map(subjects);
  const opened: string[] = [];
  return {
    opened,
    directMembers: async (d) => {
      opened.push(d);
      return edges[d] ?? [];
    },
    lookup: async (ds) => new Map(ds.flatMap((d) => (byDescriptor.has(d) ? [[d, byDescriptor.get(d)!] as const] : []))),
  };
}

describe("group expansion", () => {
  it("expands nested groups and lists each user once", async () => {
    const g = graph(
      {
        root: ["aad.a", "vssgp.team", "aad.b"],
        "vssgp.team": ["aad.b", "aadgp.platform"],
        "aadgp.platform": ["aad.c"],
      },
      [user("aad.a"), user("aad.b"), user("aad.c"), group("vssgp.team"), group("aadgp.platform")],
    );
    const { users } = await expandGroup(g, "root");
    expect(users.map((u) => u.descriptor).sort()).toEqual(["aad.a", "aad.b", "aad.c"]);
  });

  it("ends on membership cycles, opening every group once", async () => {
    const g = graph({ root: ["vssgp.x"], "vssgp.x": ["vssgp.y", "aad.a"], "vssgp.y": ["vssgp.x", "root", "aad.b"] }, [
      group("vssgp.x"),
      group("vssgp.y"),
      group("root"),
      user("aad.a"),
      user("aad.b"),
    ]);
    const { users } = await expandGroup(g, "root");
    expect(users.map((u) => u.descriptor).sort()).toEqual(["aad.a", "aad.b"]);
    expect([...g.opened].sort()).toEqual(["root", "vssgp.x", "vssgp.y"]);
  });

  it("skips members Azure DevOps cannot resolve", async () => {
    const g = graph({ root: ["aad.gone", "aad.a"] }, [user("aad.a")]);
    expect((await expandGroup(g, "root")).users.map((u) => u.descriptor)).toEqual(["aad.a"]);
  });

  it("refuses a group of more than 50,000 users, saying the limit, instead of answering part of it", async () => {
    const many = Array.from({ length: 50_001 }, (_, i) => `aad.u${i}`);
    const g = graph({ root: ["vssgp.half", ...many.slice(0, 25_000)], "vssgp.half": many.slice(25_000) }, [
      group("vssgp.half"),
      ...many.map(user),
    ]);
    await expect(expandGroup(g, "root")).rejects.toThrow(/more than 500 nested groups or 50,000 users/);
    const exactly = graph({ root: many.slice(0, 50_000) }, many.slice(0, 50_000).map(user));
    expect((await expandGroup(exactly, "root")).users).toHaveLength(50_000);
  });

  it("looks up only the users it does not know, and still opens every nested group", async () => {
    const g = graph({ root: ["aad.a", "vssgp.team"], "vssgp.team": ["aad.b", "aad.new"] }, [
      user("aad.a"),
      user("aad.b"),
      user("aad.new"),
      group("vssgp.team"),
    ]);
    const asked: string[] = [];
    const lookup = g.lookup.bind(g);
    g.lookup = (ds) => {
      asked.push(...ds);
      return lookup(ds);
    };
    const known = new Set(["aad.a", "aad.b"]);
    const expansion = await expandGroup(g, "root", (d) => known.has(d));
    expect(expansion.users.map((u) => u.descriptor)).toEqual(["aad.new"]);
    expect(expansion.knownUsers.sort()).toEqual(["aad.a", "aad.b"]);
    expect(asked.sort()).toEqual(["aad.new", "vssgp.team"]);
  });
});
