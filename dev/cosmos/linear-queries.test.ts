import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { makeEmulatorQueriesLinear } from "./linear-queries";

const require = createRequire(import.meta.url);
type Compiled = { code: string; exec(docs: unknown[], options: object): { result: unknown[] } };
const compile = (require("@zeit/cosmosdb-query") as { default: (q: string) => Compiled }).default;

describe("emulator queries without quadratic accumulators", () => {
  makeEmulatorQueriesLinear();
  const docs = [
    { id: "a", _rid: "1", orgId: "o", role: "Team", name: "b", tags: [{ n: "x" }, { n: "y" }] },
    { id: "b", _rid: "2", orgId: "o", role: "None", name: "a", tags: [] },
    { id: "c", _rid: "3", orgId: "p", role: "Team", name: "c", tags: [{ n: "z" }] },
  ];
  const run = (query: string, parameters: object[] = []) => compile(query).exec(docs, { parameters }).result;

  it("generates code that pushes instead of copying the accumulator", () => {
    expect(compile("SELECT c.id, t.n FROM c JOIN t IN c.tags").code).not.toContain("...$");
  });

  it("answers filters, ORDER BY, aggregates and joins as before", () => {
    expect(run("SELECT VALUE c.id FROM c WHERE c.orgId = @o ORDER BY c.name", [{ name: "@o", value: "o" }])).toEqual([
      "b",
      "a",
    ]);
    expect(run("SELECT VALUE COUNT(1) FROM c WHERE c.role = 'Team'")).toEqual([2]);
    expect(run("SELECT c.id, t.n FROM c JOIN t IN c.tags")).toEqual([
      { id: "a", n: "x" },
      { id: "a", n: "y" },
      { id: "c", n: "z" },
    ]);
  });

  it("scans 50,000 documents in linear time", () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ id: `d${i}`, _rid: String(i), orgId: i % 2 ? "o" : "p" }));
    const started = performance.now();
    const result = compile("SELECT VALUE COUNT(1) FROM c WHERE c.orgId = 'o'").exec(many, {}).result;
    expect(result).toEqual([25_000]);
    expect(performance.now() - started).toBeLessThan(5_000); // quadratic copying takes minutes here
  });
});
