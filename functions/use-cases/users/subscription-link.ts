import { SeatLimitError } from "../../domain/errors";
import { seatLimitMessage, type SeatShortfall } from "../../domain/seats";

const SUBSCRIPTION_HUB = "timetracker-subscription-hub";

/** Where Organization Settings lives and which extension's hubs to link to. */
export interface SubscriptionLinkSettings {
  /** e.g. https://dev.azure.com */
  publicBaseUrl: string;
  /** publisher.extension, e.g. timetracker-oss.timetracker */
  extensionId: string;
}

/**
 * Organization Settings › Timetracker Subscription, for links in seat refusals and previews.
 * With `users`, the page opens its plan selection for that many users (`?users=N`).
 */
export function subscriptionPageUrl(settings: SubscriptionLinkSettings, orgName: string, users?: number): string {
  const page = `${settings.publicBaseUrl.replace(/\/+$/, "")}/${encodeURIComponent(orgName)}/_settings/${settings.extensionId}.${SUBSCRIPTION_HUB}`;
  return users === undefined ? page : `${page}?users=${users}`;
}

export interface SeatRefusalDetails {
  free: number;
  needed: number;
  /** Users the subscription must be for so the change fits. */
  usersNeeded: number;
  /** The Subscription page with `usersNeeded` filled in. */
  subscriptionUrl: string;
}

/** 409 seat_limit saying how many seats are free, with the Subscription page's address. */
export function seatRefusal(settings: SubscriptionLinkSettings, orgName: string, check: SeatShortfall): SeatLimitError {
  const details: SeatRefusalDetails = {
    free: check.free,
    needed: check.needed,
    usersNeeded: check.usersNeeded,
    subscriptionUrl: subscriptionPageUrl(settings, orgName, check.usersNeeded),
  };
  return new SeatLimitError(seatLimitMessage(check), details);
}
