import * as SDK from "azure-devops-extension-sdk";
import type { IHostNavigationService } from "azure-devops-extension-api";
import type {
  BillingDetailsResponse,
  CancelRequest,
  CheckoutStarted,
  CheckoutSync,
  DocumentsResponse,
  HostedPageResponse,
  OrderQuote,
  OrderRequest,
  PdfLinkResponse,
  PlaceOrderRequest,
  PlansResponse,
  SubscriptionOverview,
} from "../../functions/contracts/billing";
import type { BillingAddress, ContactInfo, DocumentKind } from "../../functions/contracts/billing";
import { getBackend } from "./backend";
import { HostServiceIds } from "./contribution-ids";

export type {
  BillingDetailsResponse,
  BillingDocument,
  BillingPeriod,
  CheckoutSync,
  CustomerDetails,
  OrderQuote,
  PlanId,
  PlanOffer,
  PlansResponse,
  PriceView,
  SubscriptionOverview,
} from "../../functions/contracts/billing";
export type { BillingAddress, ContactInfo, DocumentKind };

/**
 * The Subscription page's backend calls (PCAs only). Every write carries a request id that
 * the caller creates once per confirmation: retrying the same confirmation never charges twice.
 */
export { newRequestId } from "./request-id";

const api = () => getBackend();

export const billingService = {
  overview: () => api().get<SubscriptionOverview>("subscription"),
  plans: (seats?: number) => api().get<PlansResponse>("subscription/plans", { query: { seats } }),
  quote: (order: OrderRequest) => api().post<OrderQuote>("subscription/quote", order),
  startCheckout: (order: PlaceOrderRequest) => api().post<CheckoutStarted>("subscription/checkout", order),
  syncCheckout: (hostedPageId: string) =>
    api().post<CheckoutSync>(`subscription/checkout/${encodeURIComponent(hostedPageId)}/sync`),
  change: (order: PlaceOrderRequest) => api().post<SubscriptionOverview>("subscription/change", order),
  cancel: (request: CancelRequest) => api().post<SubscriptionOverview>("subscription/cancel", request),
  switchToFree: (requestId: string) => api().post<SubscriptionOverview>("subscription/free", { requestId }),

  billingDetails: () => api().get<BillingDetailsResponse>("subscription/billing"),
  updateBillingAddress: (address: BillingAddress, requestId: string) =>
    api().post<BillingDetailsResponse>("subscription/billing/address", { ...address, requestId }),
  updateContact: (contact: ContactInfo, requestId: string) =>
    api().post<BillingDetailsResponse>("subscription/billing/contact", { ...contact, requestId }),
  paymentPage: (requestId: string) =>
    api().post<HostedPageResponse>("subscription/billing/payment-page", { requestId }),

  documents: () => api().get<DocumentsResponse>("subscription/invoices"),
  documentPdf: (kind: DocumentKind, id: string, disposition: "attachment" | "inline") =>
    api().get<PdfLinkResponse>(`subscription/invoices/${kind}/${encodeURIComponent(id)}/pdf`, {
      query: { disposition },
    }),
};

/**
 * Opens a page outside Azure DevOps (Chargebee's hosted checkout, payment details, a PDF)
 * in a new browser window, through the host: our frame is sandboxed inside Azure DevOps.
 */
export async function openInNewWindow(url: string): Promise<void> {
  const navigation = await SDK.getService<IHostNavigationService>(HostServiceIds.hostNavigation);
  navigation.openNewWindow(url, "");
}
