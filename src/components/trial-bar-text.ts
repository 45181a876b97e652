import type { MeResponse } from "../services/contracts";

/** Only PCAs see the trial countdown and Buy Now, and only during the trial. */
export function showsTrialBar(me: MeResponse): me is MeResponse & { trial: NonNullable<MeResponse["trial"]> } {
  return me.isPca && me.trial !== null;
}

export function trialCountdownText(daysLeft: number): string {
  return `Timetracker Free Trial: ${daysLeft} ${daysLeft === 1 ? "day" : "days"} left.`;
}

/** The bar's button: it opens the plans, unlike the Buy Now of an order. */
export const TRIAL_BUY_NOW = "Buy Now: Choose a Plan";

/** "Why am I seeing this?", first line: what the trial includes and when it ends. */
export function trialIncludesText(endsAt: string): string {
  const end = new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(endsAt));
  return `Timetracker is in its 28-day free trial: every feature, for every user you give a role. The trial ends on ${end}.`;
}

export const TRIAL_ONLY_PCAS =
  "You are seeing this because you are a Project Collection Administrator of this organization. Only Project Collection " +
  "Administrators see this bar, the Why am I seeing this? link and the Buy Now button, and only they can buy Timetracker.";

export const TRIAL_AFTER =
  "Buy Now opens the plans on the Timetracker Subscription page. When the trial ends, users can no longer use Timetracker " +
  "until a plan is bought; their data is kept.";

/** Where a PCA gets help: the Q & A tab of the extension's Visual Studio Marketplace page. */
export function marketplaceQnaUrl(extensionId: string): string {
  return `https://marketplace.visualstudio.com/items?itemName=${encodeURIComponent(extensionId)}#qna`;
}
