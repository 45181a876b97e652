import { coreRoutes } from "./handlers/core";
import { devRoutes } from "./handlers/dev";
import { devGroupRoutes } from "./handlers/dev-groups";
import { entitlementRoutes } from "./handlers/entitlements";
import { graphRoutes } from "./handlers/graph";
import { identityRoutes } from "./handlers/identities";
import { locationRoutes } from "./handlers/locations";
import { workItemRoutes } from "./handlers/work-items";
import type { Route } from "./router";
import { servicesOnly } from "./services-only";

/** Every route of the stand-in; the first whose method and path match wins. */
export const routes: Route[] = [
  ...devRoutes,
  ...devGroupRoutes,
  ...servicesOnly("Graph", graphRoutes),
  ...identityRoutes,
  ...servicesOnly("Member Entitlement Management", entitlementRoutes),
  ...coreRoutes,
  ...workItemRoutes,
  ...locationRoutes,
];
