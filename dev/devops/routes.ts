import { coreRoutes } from "./handlers/core";
import { devRoutes } from "./handlers/dev";
import { entitlementRoutes } from "./handlers/entitlements";
import { graphRoutes } from "./handlers/graph";
import { identityRoutes } from "./handlers/identities";
import { locationRoutes } from "./handlers/locations";
import { workItemRoutes } from "./handlers/work-items";
import type { Route } from "./router";

/** Every route of the stand-in; the first whose method and path match wins. */
export const routes: Route[] = [
  ...devRoutes,
  ...graphRoutes,
  ...identityRoutes,
  ...entitlementRoutes,
  ...coreRoutes,
  ...workItemRoutes,
  ...locationRoutes,
];
