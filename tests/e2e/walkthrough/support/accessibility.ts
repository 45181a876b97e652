import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Violation {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Our frames on the page (the dev host around them stands in for Azure DevOps, which is not ours to fix). */
export const ourFrames = (page: Page): Frame[] => page.frames().filter((f) => f.url().includes("/ext/dist/web/"));

/** Runs axe-core in every frame of ours and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const found: Violation[] = [];
  for (const frame of ourFrames(page)) {
    await frame.evaluate(axeSource);
    const results = await frame.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } })
        .axe;
      return (await axe.run(document)).violations;
    });
    const name = new URL(frame.url()).pathname.split("/").pop() ?? frame.url();
    for (const v of results) {
      if (v.impact === "serious" || v.impact === "critical") {
        found.push({
          page: name,
          rule: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => n.target.join(" ")),
        });
      }
    }
  }
  return found;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}
