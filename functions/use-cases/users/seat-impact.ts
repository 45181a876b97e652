import type { SeatImpactView } from "../../contracts/users";
import type { OrgRecord } from "../../domain/org";
import { seatSummary } from "./member-views";
import { subscriptionPageUrl } from "./subscription-link";
import type { UsersDeps } from "./users-deps";

/** What a change of `seatsNeeded` net seats does, before it is taken. */
export async function seatImpact(deps: UsersDeps, org: OrgRecord, seatsNeeded: number): Promise<SeatImpactView> {
  const seats = await seatSummary(deps, org);
  const free = seats.available;
  const fits = free === null || seatsNeeded <= free;
  const missing = fits || free === null ? 0 : seatsNeeded - free;
  const message =
    free === null
      ? "No seat limit during the trial."
      : seatsNeeded <= 0
        ? seatsNeeded === 0
          ? "Changes no seats."
          : `Frees ${-seatsNeeded} seat${seatsNeeded === -1 ? "" : "s"}.`
        : fits
          ? `Uses ${seatsNeeded} of ${free} free seat${free === 1 ? "" : "s"}.`
          : `Needs ${missing} more seat${missing === 1 ? "" : "s"} than are free (${free} free).`;
  return {
    seatsNeeded,
    free,
    fits,
    missing,
    message,
    cost: null,
    subscriptionUrl: missing > 0 ? subscriptionPageUrl(deps.settings, org.name) : null,
  };
}
