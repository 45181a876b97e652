import type { BackendStack } from "../../../../dev/stack";
import { startBackendStack } from "../../../../dev/stack";
import { services } from "../../../../functions/app/services";
import { NEVER_SYNCED } from "../../../../functions/domain/group-rule";
import type { SubscriptionSnapshot } from "../../../../functions/domain/org";
import type { AssignedRole } from "../../../../functions/domain/roles";
import type { CheckoutStarted, CheckoutSync } from "../../../../functions/contracts/billing";
import { completeCheckout } from "../../billing/support/hosted-checkout";
import { api, signIn, type SignedIn } from "../../support/sign-in";

/**
 * Arrangement for the user-management tests: a backend stack and signed-in fabrikam users.
 * Roles are set through the API under test (as Priya, the first user and a PCA); only the
 * plan (a Chargebee snapshot) is written to the store directly, since buying one is another
 * feature's flow.
 */
export interface UsersStack {
  stack: BackendStack;
  /** First user: Administrator and PCA. */
  priya: SignedIn;
  /** PCA, no Timetracker role (None). */
  daniel: SignedIn;
  /** Administrator, not a PCA. */
  marcus: SignedIn;
  /** Team member. */
  liam: SignedIn;
  call<T = unknown>(
    who: SignedIn | { headers: Record<string, string> },
    method: string,
    path: string,
    body?: unknown,
  ): ReturnType<typeof api<T>>;
}

export const email = (local: string) => `${local}@fabrikam.example`;

export async function startUsersStack(options: { pageSizes?: { entitlements?: number } } = {}): Promise<UsersStack> {
  const stack = await startBackendStack({ ports: "random" });
  if (options.pageSizes?.entitlements) stack.devops.state.pageSizes.entitlements = options.pageSizes.entitlements;
  const call: UsersStack["call"] = (who, method, path, body) => api(stack, who as SignedIn, method, path, body);
  const priya = await signIn(stack, "fabrikam", email("priya.patel"));
  await ok(call(priya, "GET", "me"));
  const [daniel, marcus, liam] = await Promise.all(
    ["daniel.kim", "marcus.johnson", "liam.oconnor"].map((u) => signIn(stack, "fabrikam", email(u))),
  );
  await ok(call(priya, "POST", "users/roles", { role: "None", userIds: [daniel.user.id] }));
  await ok(call(priya, "POST", "users/roles", { role: "Administrator", userIds: [marcus.user.id] }));
  await ok(call(priya, "POST", "users/roles", { role: "Team", userIds: [liam.user.id] }));
  return { stack, priya, daniel: daniel, marcus: marcus, liam: liam, call };
}

export async function ok<T>(response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status < 200 || status > 299) throw new Error(`Setup call failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** Fabrikam user ids by e-mail local part (Azure DevOps ids, from the stand-in). */
export function userId(stack: BackendStack, local: string): string {
  return stack.devops.state.org("fabrikam").user(email(local)).id;
}

export async function setRoles(u: UsersStack, role: AssignedRole, locals: string[]): Promise<void> {
  await ok(u.call(u.priya, "POST", "users/roles", { role, userIds: locals.map((l) => userId(u.stack, l)) }));
}

export function subscription(seats: number, plan: SubscriptionSnapshot["plan"] = "start"): SubscriptionSnapshot {
  return {
    plan,
    status: "active",
    seats,
    billingPeriod: "monthly",
    chargebeeSubscriptionId: plan === "free" ? null : "sub-test",
    chargebeeCustomerId: "cust-test",
    currentTermEnd: null,
    nextBillingAt: null,
    resourceVersion: 1,
    updatedAt: new Date().toISOString(),
  };
}

/** Puts the org on a plan (as Chargebee's webhooks would), or back into its trial with null. */
export async function setPlan(orgId: string, snapshot: SubscriptionSnapshot | null): Promise<void> {
  const s = services();
  const org = (await s.orgs.get(orgId))!;
  await s.orgs.replace({ ...org.value, subscription: snapshot }, org.etag);
}

/** Licensed users as the Permissions page lists them, all pages. */
export async function licensedEmails(u: UsersStack): Promise<string[]> {
  const emails: string[] = [];
  let continuation: string | null = null;
  do {
    const query: string = continuation ? `&continuation=${encodeURIComponent(continuation)}` : "";
    const page = await ok(
      u.call<{ members: { email: string }[]; continuationToken: string | null }>(
        u.priya,
        "GET",
        `users/licensed?pageSize=200${query}`,
      ),
    );
    emails.push(...page.members.map((m) => m.email));
    continuation = page.continuationToken;
  } while (continuation);
  return emails.sort();
}

/**
 * Buys a plan as Priya does on the Subscription page: Chargebee's hosted checkout (the
 * stand-in's), then the sync that stores the subscription. Clears any plan set with setPlan first.
 */
export async function subscribe(u: UsersStack, order: { plan: string; period: string; seats: number }): Promise<void> {
  await setPlan(u.priya.org.id, null);
  const started = await ok(
    u.call<CheckoutStarted>(u.priya, "POST", "subscription/checkout", { ...order, requestId: crypto.randomUUID() }),
  );
  await completeCheckout(started.url);
  const synced = await ok(u.call<CheckoutSync>(u.priya, "POST", `subscription/checkout/${started.hostedPageId}/sync`));
  if (synced.state !== "succeeded") throw new Error(`The checkout did not succeed: ${JSON.stringify(synced)}`);
}

/**
 * A group rule's document as creating the rule saves it, for tests of what rules feed (the
 * licensed list's Source); creating and syncing rules is tested through their own routes.
 */
export async function saveRuleDocument(orgId: string, rule: { id: string; name: string }): Promise<void> {
  await services().users.rules.create({
    id: rule.id,
    orgId,
    group: {
      descriptor: `vssgp.${rule.id}`,
      displayName: rule.name,
      principalName: `[fabrikam]\\${rule.name}`,
      origin: "vsts",
    },
    role: "Team",
    createdAt: new Date().toISOString(),
    createdBy: { id: "priya", displayName: "Priya Patel" },
    deleting: false,
    sync: NEVER_SYNCED,
  });
}
