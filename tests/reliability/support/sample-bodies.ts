import { fabrikam } from "../../../dev/devops/seed";

/** A fabrikam user who is in no sweep's cast (cast.ts), so assigning them a role disturbs nobody. */
const BYSTANDER = fabrikam.users.find((u) => u.email === "grace.wright@fabrikam.example")!.id;
const requestId = () => `sweep-${Math.random().toString(36).slice(2, 12)}`;

/**
 * A valid request body per JSON route (by route name), as our pages send them. The
 * authorisation sweep sends them so a refused caller is refused for who they are, not for
 * a malformed body; the fuzzer mutates them field by field. Routes without a sample get `{}`.
 * None of them touches the sweep's own callers (cast.ts).
 */
export const SAMPLE_BODIES: Record<string, () => Record<string, unknown>> = {
  "worklogs-create": () => ({
    workItemId: 3,
    start: "2026-03-02T09:00:00+01:00",
    durationSeconds: 1800,
    comment: "Sweep",
  }),
  "worklog-update": () => ({ comment: "Sweep edit" }),
  "timer-start": () => ({ workItemId: 3, utcOffset: "+01:00" }),
  "timer-stop": () => ({}),
  "activity-types-create": () => ({ name: `Sweep ${Math.random().toString(36).slice(2, 8)}` }),
  "activity-types-update": () => ({ archived: false }),
  "time-settings-update": () => ({ preventTimeOnClosedItems: false }),
  "users-assign-roles": () => ({ role: "Team", userIds: [BYSTANDER] }),
  "users-preview-roles": () => ({ role: "Team", userIds: [BYSTANDER] }),
  "users-default-role": () => ({ role: "Team" }),
  "users-service-account-save": () => ({ pat: "sweep0000000000000000000000000000000000000000000000" }),
  "rest-users-roles-assign": () => ({ users: [{ email: "grace.wright@fabrikam.example", role: { name: "Team" } }] }),
  "tokens-create": () => ({ name: `Sweep ${Math.random().toString(36).slice(2, 8)}` }),
  "subscription-quote": () => ({ plan: "team", period: "yearly", seats: 30 }),
  "subscription-checkout": () => ({ plan: "team", period: "yearly", seats: 30, requestId: requestId() }),
  "subscription-checkout-sync": () => ({}),
  "subscription-change": () => ({ plan: "team", period: "yearly", seats: 30, requestId: requestId() }),
  "subscription-cancel": () => ({ when: "immediately", requestId: requestId() }),
  "subscription-free": () => ({ requestId: requestId() }),
  "subscription-billing-address": () => ({
    firstName: "Sam",
    lastName: "Sweep",
    line1: "1 Main Street",
    city: "Springfield",
    zip: "12345",
    country: "US",
    requestId: requestId(),
  }),
  "subscription-billing-contact": () => ({
    firstName: "Sam",
    lastName: "Sweep",
    email: "sam.sweep@example.com",
    requestId: requestId(),
  }),
  "subscription-billing-payment-page": () => ({ requestId: requestId() }),
};

export function sampleBody(routeName: string): Record<string, unknown> {
  return SAMPLE_BODIES[routeName]?.() ?? {};
}
