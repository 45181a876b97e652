import { describe, expect, it } from "vitest";
import { compileRoute } from "./route-template";

describe("compileRoute", () => {
  it("matches literals case-insensitively and captures parameters", () => {
    expect(compileRoute("rest/users/roles")("/REST/Users/roles")).toEqual({});
    expect(compileRoute("worklogs/{id}")("/worklogs/abc")).toEqual({ id: "abc" });
    expect(compileRoute("worklogs/{id}")("/worklogs")).toBeNull();
    expect(compileRoute("worklogs/{id}")("/worklogs/a/b")).toBeNull();
  });

  it("supports optional, constrained and catch-all parameters", () => {
    expect(compileRoute("items/{id?}")("/items")).toEqual({});
    expect(compileRoute("items/{id:int}")("/items/12")).toEqual({ id: "12" });
    expect(compileRoute("items/{id:int}")("/items/x")).toBeNull();
    expect(compileRoute("files/{*path}")("/files/a/b/c")).toEqual({ path: "a/b/c" });
  });
});
