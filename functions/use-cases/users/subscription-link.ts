import type { Config } from "../../app/config";
import { SeatLimitError } from "../../domain/errors";
import { seatLimitMessage } from "../../domain/seats";

const SUBSCRIPTION_HUB = "timetracker-subscription-hub";

/** Organization Settings › Timetracker Subscription, for links in seat refusals. */
export function subscriptionPageUrl(config: Config, orgName: string): string {
  const extensionId = config.appToken.audiences[0] ?? "timetracker-oss.timetracker";
  return `${config.publicBaseUrl.replace(/\/+$/, "")}/${encodeURIComponent(orgName)}/_settings/${extensionId}.${SUBSCRIPTION_HUB}`;
}

export interface SeatRefusalDetails {
  free: number;
  needed: number;
  subscriptionUrl: string;
}

/** 409 seat_limit saying how many seats are free, with the Subscription page's address. */
export function seatRefusal(config: Config, orgName: string, check: { free: number; needed: number }): SeatLimitError {
  const details: SeatRefusalDetails = { free: check.free, needed: check.needed, subscriptionUrl: subscriptionPageUrl(config, orgName) };
  return new SeatLimitError(seatLimitMessage(check), details);
}
