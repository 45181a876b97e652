import { describe, expect, it } from "vitest";
import { parseCssColor, relativeLuminance } from "./theme";

describe("theme colours", () => {
  it("reads the colour formats the host's theme variables use", () => {
    expect(parseCssColor("rgba(30, 30, 30, 1)")).toEqual([30, 30, 30]);
    expect(parseCssColor(" rgb(255,255,255) ")).toEqual([255, 255, 255]);
    expect(parseCssColor("#1e1e1e")).toEqual([30, 30, 30]);
    expect(parseCssColor("#FFF")).toEqual([255, 255, 255]);
    expect(parseCssColor("")).toBeUndefined();
    expect(parseCssColor("var(--x)")).toBeUndefined();
  });

  it("tells a dark background from a light one", () => {
    expect(relativeLuminance([32, 31, 30])).toBeLessThan(0.5);
    expect(relativeLuminance([248, 248, 248])).toBeGreaterThan(0.5);
  });
});
