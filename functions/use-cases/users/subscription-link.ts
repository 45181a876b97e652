import { SeatLimitError } from "../../domain/errors";
import { seatLimitMessage } from "../../domain/seats";

const SUBSCRIPTION_HUB = "timetracker-subscription-hub";

/** Where Organization Settings lives and which extension's hubs to link to. */
export interface SubscriptionLinkSettings {
  /** e.g. https://dev.azure.com */
  publicBaseUrl: string;
  /** publisher.extension, e.g. timetracker-oss.timetracker */
  extensionId: string;
}

/** Organization Settings › Timetracker Subscription, for links in seat refusals. */
export function subscriptionPageUrl(settings: SubscriptionLinkSettings, orgName: string): string {
  return `${settings.publicBaseUrl.replace(/\/+$/, "")}/${encodeURIComponent(orgName)}/_settings/${settings.extensionId}.${SUBSCRIPTION_HUB}`;
}

export interface SeatRefusalDetails {
  free: number;
  needed: number;
  subscriptionUrl: string;
}

/** 409 seat_limit saying how many seats are free, with the Subscription page's address. */
export function seatRefusal(
  settings: SubscriptionLinkSettings,
  orgName: string,
  check: { free: number; needed: number },
): SeatLimitError {
  const details: SeatRefusalDetails = {
    free: check.free,
    needed: check.needed,
    subscriptionUrl: subscriptionPageUrl(settings, orgName),
  };
  return new SeatLimitError(seatLimitMessage(check), details);
}
