import type { MoneyView, SeatImpactView } from "../../contracts/users";
import { planState, seatLimit } from "../../domain/access";
import { DomainError } from "../../domain/errors";
import type { OrgRecord } from "../../domain/org";
import { formatMoney } from "../../domain/pricing";
import { seatCostText, seatImpact as impactOf, seatSavingText } from "../../domain/seat-impact";
import { ensureLedger, seatsTaken } from "./seat-ledger";
import { subscriptionPageUrl } from "./subscription-link";
import type { UsersDeps } from "./users-deps";

const COST_UNKNOWN = "Chargebee could not price the missing seats just now; the Subscription page shows the prices.";

const money = (amount: number, currency: string): MoneyView => ({
  amount,
  currency,
  text: formatMoney(amount, currency),
});

/**
 * What taking (or freeing) `seatsNeeded` seats does, decided on the seat ledger the write
 * checks against: whether it fits the free seats, and when it does not, how many seats are
 * missing, what adding them costs now and the Subscription page for that many users. Freed
 * seats say what they save per month. A billing failure leaves the seat answer standing.
 */
export async function seatImpact(deps: UsersDeps, org: OrgRecord, seatsNeeded: number): Promise<SeatImpactView> {
  const ledger = (await ensureLedger(deps, org)).value;
  // Seats other changes hold for their later batches are not free, exactly as the write counts them.
  const licensed = seatsTaken(ledger, deps.now());
  const limit = seatLimit(planState(org, deps.now()));
  const impact = impactOf({ needed: seatsNeeded, licensed, limit });
  const view: SeatImpactView = {
    seatsNeeded: impact.seatsNeeded,
    seatsFree: impact.seatsFree,
    fits: impact.fits,
    seatsMissing: impact.seatsMissing,
    usersNeeded: impact.usersNeeded,
    summary: impact.summary,
    subscriptionUrl: subscriptionPageUrl(deps.settings, org.name, impact.usersNeeded ?? undefined),
    costOfMissingSeats: null,
    costText: null,
    monthlySaving: null,
    savingText: null,
  };
  if (impact.usersNeeded !== null) return { ...view, ...(await missingSeatsCost(deps, org, impact)) };
  if (seatsNeeded < 0 && limit !== null) return { ...view, ...(await savingOf(deps, org, -seatsNeeded)) };
  return view;
}

async function missingSeatsCost(
  deps: UsersDeps,
  org: OrgRecord,
  impact: { seatsMissing: number; usersNeeded: number | null },
): Promise<Pick<SeatImpactView, "costOfMissingSeats" | "costText">> {
  try {
    const cost = await deps.seatCost.forUsers(org.id, impact.usersNeeded!);
    if (!cost) return { costOfMissingSeats: null, costText: null };
    return {
      costOfMissingSeats: money(cost.estimate?.billedNow ?? cost.listAmount, cost.currency),
      costText: seatCostText(cost, impact.seatsMissing),
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { costOfMissingSeats: null, costText: COST_UNKNOWN };
  }
}

async function savingOf(
  deps: UsersDeps,
  org: OrgRecord,
  freed: number,
): Promise<Pick<SeatImpactView, "monthlySaving" | "savingText">> {
  try {
    const saving = await deps.seatCost.monthlySaving(org.id, freed);
    if (!saving) return { monthlySaving: null, savingText: null };
    return {
      monthlySaving: money(saving.amount, saving.currency),
      savingText: seatSavingText(freed, saving.amount, saving.currency),
    };
  } catch (error) {
    // What freeing seats saves is a courtesy: without Chargebee the seats still free.
    if (!(error instanceof DomainError)) throw error;
    return { monthlySaving: null, savingText: null };
  }
}
