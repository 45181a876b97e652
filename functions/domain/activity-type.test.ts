import { describe, expect, it } from "vitest";
import { addActivityType, assertSelectable, changeActivityType, defaultActivityTypes } from "./activity-type";

let n = 0;
const id = () => `t${++n}`;

describe("activity types", () => {
  const defaults = defaultActivityTypes(id);

  it("seeds the usual four", () => {
    expect(defaults.map((t) => t.name)).toEqual(["Development", "Testing", "Meeting", "Documentation"]);
  });

  it("adds, renames and archives", () => {
    const added = addActivityType(defaults, "  Code   review ", "x");
    expect(added.at(-1)).toEqual({ id: "x", name: "Code review", archived: false });
    const renamed = changeActivityType(added, "x", { name: "Reviews" });
    expect(renamed.find((t) => t.id === "x")?.name).toBe("Reviews");
    const archived = changeActivityType(renamed, "x", { archived: true });
    expect(() => assertSelectable(archived, "x")).toThrow(/archived/);
    expect(() => assertSelectable(archived, defaults[0].id)).not.toThrow();
  });

  it("refuses duplicates (ignoring case), empty names and unknown ids", () => {
    expect(() => addActivityType(defaults, "testing", "y")).toThrow(/exists already/);
    expect(() => addActivityType(defaults, "   ", "y")).toThrow(/needs a name/);
    expect(() => changeActivityType(defaults, "nope", { name: "A" })).toThrow(/no activity type/);
    expect(() => changeActivityType(defaults, defaults[0].id, { name: "Meeting" })).toThrow(/exists already/);
    expect(() => assertSelectable(defaults, "nope")).toThrow(/no activity type/);
  });

  it("allows renaming a type to a different capitalisation of its own name", () => {
    expect(changeActivityType(defaults, defaults[0].id, { name: "DEVELOPMENT" })[0].name).toBe("DEVELOPMENT");
  });
});
