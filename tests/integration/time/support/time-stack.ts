import type { BackendStack } from "../../../../dev/stack";
import { startBackendStack } from "../../../../dev/stack";
import { services } from "../../../../functions/app/services";
import type { AssignedRole } from "../../../../functions/domain/roles";
import type { SubscriptionSnapshot } from "../../../../functions/domain/org";
import { api, signIn, type SignedIn } from "../../support/sign-in";

/**
 * Arrangement for the time tests: a backend stack, signed-in users of the seeded orgs, and
 * ways to put the org in a state. Roles go through user management's API; a plan, or a
 * timer started long ago, which the API would need days or Chargebee to reach, are written
 * to the store the Functions host runs on (the stack runs in this process). Every assertion
 * goes through the HTTP API.
 */
export interface TimeStack {
  stack: BackendStack;
  /** fabrikam: the first user (Administrator, PCA). */
  priya: SignedIn;
  /** fabrikam, Team via Default. */
  marcus: SignedIn;
  /** fabrikam, made Product. */
  aisha: SignedIn;
  /** fabrikam, made Budget. */
  grace: SignedIn;
  /** fabrikam, made None. */
  tom: SignedIn;
  /** contoso's first user (Administrator there). */
  alex: SignedIn;
  call<T = unknown>(who: SignedIn, method: string, path: string, body?: unknown): ReturnType<typeof api<T>>;
  /** Gives a user a role the way an Administrator does: through user management's API (seat ledger, audit). */
  setRole(who: SignedIn, role: AssignedRole): Promise<void>;
}

export async function startTimeStack(): Promise<TimeStack> {
  const stack = await startBackendStack({ ports: "random" });
  const user = (org: string, name: string) => signIn(stack, org, `${name}@${org}.example`);
  const priya = await user("fabrikam", "priya.patel");
  // The first caller creates the org and becomes its Administrator.
  await expectOk(api(stack, priya, "GET", "me"));
  const [marcus, aisha, grace, tom, alex] = await Promise.all([
    user("fabrikam", "marcus.johnson"),
    user("fabrikam", "aisha.okafor"),
    user("fabrikam", "grace.wright"),
    user("fabrikam", "tom.becker"),
    user("contoso", "alex.rivera"),
  ]);
  for (const who of [marcus, aisha, grace, tom, alex]) await expectOk(api(stack, who, "GET", "me"));
  // Priya is a PCA of fabrikam, so she may assign any role there, her own included.
  const setRole = async (who: SignedIn, role: AssignedRole) => {
    if (who.org.id !== priya.org.id) throw new Error("setRole arranges fabrikam users only.");
    await expectOk(api(stack, priya, "POST", "users/roles", { role, userIds: [who.user.id] }));
  };
  // The first user becomes Administrator (the foundation's rule, tested there); said again
  // here so these tests do not depend on how that rule is implemented.
  await setRole(priya, "Administrator");
  await setRole(aisha, "Product");
  await setRole(grace, "Budget");
  await setRole(tom, "None");
  return {
    stack,
    priya,
    marcus,
    aisha,
    grace,
    tom,
    alex,
    setRole,
    call: (who, method, path, body) => api(stack, who, method, path, body),
  };
}

async function expectOk(response: Promise<{ status: number; body: unknown }>): Promise<void> {
  const { status, body } = await response;
  if (status !== 200) throw new Error(`Setup call failed: ${status} ${JSON.stringify(body)}`);
}

/** Moves the org's trial start back so that the 28 days are over. */
export async function endTrial(orgId: string): Promise<void> {
  const s = services();
  const org = (await s.orgs.get(orgId))!;
  const started = new Date(Date.now() - 40 * 86_400_000).toISOString();
  await s.orgs.replace({ ...org.value, trialStartedAt: started, subscription: null }, org.etag);
}

export async function setSubscription(orgId: string, subscription: SubscriptionSnapshot | null): Promise<void> {
  const s = services();
  const org = (await s.orgs.get(orgId))!;
  await s.orgs.replace({ ...org.value, subscription }, org.etag);
}

/** Restores a fresh trial (undoes endTrial / setSubscription). */
export async function restartTrial(orgId: string): Promise<void> {
  const s = services();
  const org = (await s.orgs.get(orgId))!;
  await s.orgs.replace({ ...org.value, trialStartedAt: new Date().toISOString(), subscription: null }, org.etag);
}

/** Pretends the caller's running timer was started at `startedAt` (zoned ISO). */
export async function backdateTimer(who: SignedIn, startedAt: string): Promise<void> {
  const { worklogs } = await services().db.containers();
  const item = worklogs.item(`timer:${who.user.id}`, who.org.id);
  const { resource } = await item.read<Record<string, unknown>>();
  if (!resource) throw new Error("No timer is running to backdate.");
  await item.replace({ ...resource, startedAt });
}

/** A work item of the stand-in changes state (someone closes it in Azure DevOps). */
export function setWorkItemState(stack: BackendStack, org: string, id: number, state: string): void {
  const item = stack.devops.state.org(org).workItems.get(id);
  if (!item) throw new Error(`No work item ${id} in ${org}`);
  item.state = state;
}

/** "2026-03-02T09:00:00+01:00"-style start `daysAgo` days before now, at 09:00 local in `offset`. */
export function startDaysAgo(daysAgo: number, offset = "+01:00", time = "09:00:00"): string {
  const day = new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${time}${offset}`;
}

export function dayOf(start: string): string {
  return start.slice(0, 10);
}
