import { describe, expect, it } from "vitest";
import { PartitionWrites } from "./partition-writes";
import { RecentReads } from "./recent-reads";

/** A store stand-in: one value per key, and a count of the reads that reached it. */
function store(initial: Record<string, string | null>) {
  const values = new Map(Object.entries(initial));
  let reads = 0;
  return {
    load: (key: string) => async () => {
      reads += 1;
      return values.get(key) ?? null;
    },
    set: (key: string, value: string) => void values.set(key, value),
    reads: () => reads,
  };
}

describe("RecentReads", () => {
  it("answers repeated reads from its copy until the copy is too old", async () => {
    let now = 0;
    const db = store({ a: "v1" });
    const recent = new RecentReads<string>(new PartitionWrites(), 5_000, 100, () => now);
    expect(await recent.read("org", "a", db.load("a"))).toBe("v1");
    db.set("a", "v2"); // another instance's change: this one is not told
    now = 4_999;
    expect(await recent.read("org", "a", db.load("a"))).toBe("v1");
    expect(db.reads()).toBe(1);
    now = 5_000;
    expect(await recent.read("org", "a", db.load("a"))).toBe("v2");
    expect(db.reads()).toBe(2);
  });

  it("reads again after this instance wrote to the org, even if the write failed", async () => {
    const writes = new PartitionWrites();
    const db = store({ a: "v1" });
    const recent = new RecentReads<string>(writes, 5_000, 100, () => 0);
    await recent.read("org", "a", db.load("a"));
    db.set("a", "v2");
    await expect(writes.writing("org", async () => Promise.reject(new Error("timed out")))).rejects.toThrow(
      "timed out",
    );
    expect(await recent.read("org", "a", db.load("a"))).toBe("v2");
  });

  it("keeps copies of other orgs when one org is written", async () => {
    const writes = new PartitionWrites();
    const db = store({ a: "A", b: "B" });
    const recent = new RecentReads<string>(writes, 5_000, 100, () => 0);
    await recent.read("orgA", "a", db.load("a"));
    await recent.read("orgB", "b", db.load("b"));
    await writes.writing("orgA", async () => undefined);
    await recent.read("orgA", "a", db.load("a"));
    await recent.read("orgB", "b", db.load("b"));
    expect(db.reads()).toBe(3);
  });

  it("does not keep a copy read while a write was landing", async () => {
    const writes = new PartitionWrites();
    const db = store({ a: "old" });
    const recent = new RecentReads<string>(writes, 5_000, 100, () => 0);
    let release!: () => void;
    const slowRead = recent.read("org", "a", async () => {
      const value = await db.load("a")();
      await new Promise<void>((resolve) => (release = resolve));
      return value; // the store answered before the write below landed
    });
    await writes.writing("org", async () => db.set("a", "new"));
    release();
    expect(await slowRead).toBe("old");
    expect(await recent.read("org", "a", db.load("a"))).toBe("new");
  });

  it("does not remember absent documents and stays within its size", async () => {
    const db = store({ a: "A", b: "B", c: "C" });
    const recent = new RecentReads<string>(new PartitionWrites(), 5_000, 2, () => 0);
    expect(await recent.read("org", "missing", db.load("missing"))).toBeNull();
    expect(await recent.read("org", "missing", db.load("missing"))).toBeNull();
    expect(db.reads()).toBe(2);
    for (const key of ["a", "b", "c"]) await recent.read("org", key, db.load(key));
    await recent.read("org", "a", db.load("a")); // the oldest copy went when "c" arrived
    await recent.read("org", "c", db.load("c"));
    expect(db.reads()).toBe(6);
  });
});
