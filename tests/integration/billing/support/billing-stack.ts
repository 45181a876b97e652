import type { BackendStack } from "../../../../dev/stack";
import { DEV_CHARGEBEE_WEBHOOK, startBackendStack } from "../../../../dev/stack";
import type { ChargebeeStandin } from "../../../../dev/chargebee/index";
import type { SubscriptionOverview } from "../../../../functions/contracts/billing";
import type { AssignedRole } from "../../../../functions/domain/roles";
import { api, signIn, type SignedIn } from "../../support/sign-in";

/**
 * Arrangement for the billing tests: the backend stack with the Chargebee stand-in (its
 * webhooks reach our endpoint), fabrikam's PCA Priya, and as many licensed users as a test
 * needs. Users become licensed the way they do in a trial: by opening Timetracker. Roles are
 * lowered in the store the Functions host runs on (the Permissions page is not under test);
 * every assertion goes through the HTTP API or the stand-in's own state.
 */
export interface BillingStack {
  stack: BackendStack;
  chargebee: ChargebeeStandin;
  /** fabrikam's first user: Administrator and Project Collection Administrator. */
  priya: SignedIn;
  /** fabrikam users in seed order (Priya first), signed in on demand. */
  users: SignedIn[];
  call<T = unknown>(who: SignedIn, method: string, path: string, body?: unknown): ReturnType<typeof api<T>>;
  /** Signs in fabrikam users until `count` of them have opened Timetracker (licensed on Default). */
  license(count: number): Promise<void>;
}

export async function startBillingStack(env: Record<string, string> = {}): Promise<BillingStack> {
  const stack = await startBackendStack({ ports: "random", env });
  if (!stack.chargebee) throw new Error("The billing tests need the Chargebee stand-in (unset CHARGEBEE_SITE).");
  const priya = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
  await expectOk(api(stack, priya, "GET", "me"));
  const users = [priya];
  const emails = await fabrikamEmails(stack);
  return {
    stack,
    chargebee: stack.chargebee,
    priya,
    users,
    call: (who, method, path, body) => api(stack, who, method, path, body),
    async license(count) {
      while (users.length < count) {
        const email = emails[users.length];
        if (!email) throw new Error(`fabrikam has only ${emails.length} users`);
        const who = await signIn(stack, "fabrikam", email);
        await expectOk(api(stack, who, "GET", "me"));
        users.push(who);
      }
    },
  };
}

/** The seeded users' emails, the first user first. */
async function fabrikamEmails(stack: BackendStack): Promise<string[]> {
  const response = await fetch(`${stack.devops.url}/_dev/orgs/fabrikam`);
  const org = (await response.json()) as { users: { email: string }[] };
  const emails = org.users.map((u) => u.email);
  const first = "priya.patel@fabrikam.example";
  return [first, ...emails.filter((e) => e !== first)];
}

export async function expectOk(response: Promise<{ status: number; body: unknown }>): Promise<void> {
  const { status, body } = await response;
  if (status < 200 || status > 299) throw new Error(`Setup call failed: ${status} ${JSON.stringify(body)}`);
}

/** What a PCA does on the Permissions page: set a user's role (None frees the seat). */
export async function setRole(t: BillingStack, who: SignedIn, role: AssignedRole): Promise<void> {
  await expectOk(t.call(t.priya, "POST", "users/roles", { role, userIds: [who.user.id] }));
}

export async function overview(t: BillingStack): Promise<SubscriptionOverview> {
  const { status, body } = await t.call<SubscriptionOverview>(t.priya, "GET", "subscription");
  if (status !== 200) throw new Error(`GET subscription: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** Polls until `check` passes (webhooks arrive asynchronously). */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

/** A fresh id per confirmation, as the page makes one. */
export function requestId(): string {
  return crypto.randomUUID();
}

/** Posts a Chargebee-shaped event to our webhook endpoint as Chargebee does (Basic auth). */
export async function postWebhook(
  t: BillingStack,
  event: unknown,
  credentials: { username: string; password: string } = DEV_CHARGEBEE_WEBHOOK,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${t.stack.functions.url}/api/webhooks/chargebee`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`,
    },
    body: typeof event === "string" ? event : JSON.stringify(event),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: response.status, body };
}

/** An event as Chargebee would send it: a new id, now, and the given subscription as content. */
export function subscriptionEvent(eventType: string, subscription: object, id = `ev_test_${crypto.randomUUID()}`) {
  return {
    id,
    occurred_at: Math.floor(Date.now() / 1000),
    source: "api",
    object: "event",
    api_version: "v2",
    event_type: eventType,
    webhook_status: "scheduled",
    content: { subscription },
  };
}
