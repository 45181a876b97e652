import { describe, expect, it } from "vitest";
import { filterFromQuery, filterToQuery, NO_FILTER } from "./licensed-filter";

describe("the licensed list's filter in the page address", () => {
  it("reads source and inactiveDays", () => {
    expect(filterFromQuery({ inactiveDays: "90" })).toEqual({ source: null, inactiveDays: 90 });
    expect(filterFromQuery({ source: "rule:rule-eng", inactiveDays: "30" })).toEqual({
      source: "rule:rule-eng",
      inactiveDays: 30,
    });
    expect(filterFromQuery({ source: "direct" })).toEqual({ source: "direct", inactiveDays: null });
  });

  it("ignores what the list cannot filter by, so a damaged link opens the whole list", () => {
    expect(filterFromQuery({ inactiveDays: "45", source: "group" })).toEqual(NO_FILTER);
    expect(filterFromQuery({ inactiveDays: "", source: "rule:" })).toEqual(NO_FILTER);
    expect(filterFromQuery({})).toEqual(NO_FILTER);
  });

  it("writes a filter back, removing the parameters of filters that are off", () => {
    expect(filterToQuery({ source: "rules", inactiveDays: 60 })).toEqual({ source: "rules", inactiveDays: "60" });
    expect(filterToQuery(NO_FILTER)).toEqual({ source: "", inactiveDays: "" });
    expect(filterFromQuery(filterToQuery({ source: "rule:x", inactiveDays: 90 }))).toEqual({
      source: "rule:x",
      inactiveDays: 90,
    });
  });
});
