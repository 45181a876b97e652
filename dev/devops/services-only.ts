import { AdoError } from "./errors";
import type { CallerContext } from "./http";
import type { Route } from "./router";

// Areas Azure DevOps Services has and Azure DevOps Server does not: Graph and Member
// Entitlement Management are documented on the Services hosts only (vssps.dev.azure.com,
// vsaex.dev.azure.com; "The Azure DevOps Services Graph API"). An org in Server mode answers
// them as a host without the area would: 404. The exact Server error body is not documented;
// this one names the area so a test failure says what is missing.

export function servicesOnly(area: string, routes: Route[]): Route[] {
  return routes.map((route) => {
    if (route.kind !== "org") return route;
    const handle = route.handle;
    return {
      ...route,
      handle: (ctx: CallerContext) => {
        if (ctx.org.deployment === "server") {
          throw new AdoError(
            404,
            `The ${area} area is not available on this Azure DevOps Server collection.`,
            "VssResourceNotFoundException",
          );
        }
        return handle(ctx);
      },
    };
  });
}
