import type { ApiHandler } from "./handler";
import { creditNoteRoutes } from "./resources/credit-notes";
import { customerRoutes } from "./resources/customers";
import { estimateRoutes } from "./resources/estimates";
import { hostedPageRoutes } from "./resources/hosted-pages";
import { invoiceRoutes } from "./resources/invoices";
import { itemPriceRoutes } from "./resources/item-prices";
import { subscriptionRoutes } from "./resources/subscriptions";
import { Router } from "./router";

/** Every API v2 endpoint the stand-in serves, below `/api/v2`. */
export function apiRouter(): Router<ApiHandler> {
  const router = new Router<ApiHandler>();
  itemPriceRoutes(router);
  customerRoutes(router);
  subscriptionRoutes(router);
  estimateRoutes(router);
  hostedPageRoutes(router);
  invoiceRoutes(router);
  creditNoteRoutes(router);
  return router;
}
