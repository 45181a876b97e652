import type { BackendStack } from "../../../dev/stack";
import type { ListMembersResponse, UsersOverviewResponse } from "../../../functions/contracts/users";
import { api, type SignedIn } from "../../integration/support/sign-in";
import "./endpoints";

/** Adds `count` users to fabrikam in the Azure DevOps stand-in; returns their ids. */
export function addFabrikamUsers(stack: BackendStack, count: number): string[] {
  return stack.devops.state
    .org("fabrikam")
    .addSyntheticUsers(count)
    .map((u) => u.id);
}

export async function assign(stack: BackendStack, pca: SignedIn, role: string, userIds: string[]) {
  return api<{ succeeded?: number; error?: { code: string; message: string } }>(stack, pca, "POST", "users/roles", {
    role,
    userIds,
  });
}

/** Licensed members as the Permissions page lists them, every page. */
export async function licensedIds(stack: BackendStack, pca: SignedIn): Promise<string[]> {
  const ids: string[] = [];
  let continuation: string | null = null;
  do {
    const query: string = `users/licensed?pageSize=200${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ""}`;
    const page = await api<ListMembersResponse>(stack, pca, "GET", query);
    if (page.status !== 200) throw new Error(`GET ${query}: ${page.status} ${JSON.stringify(page.body)}`);
    ids.push(...page.body.members.map((m) => m.id));
    continuation = page.body.continuationToken;
  } while (continuation);
  return ids;
}

/** The seat counter the Permissions page shows (user management's ledger). */
export async function seatsShown(stack: BackendStack, pca: SignedIn): Promise<UsersOverviewResponse["seats"]> {
  const overview = await api<UsersOverviewResponse>(stack, pca, "GET", "users/overview");
  if (overview.status !== 200)
    throw new Error(`GET users/overview: ${overview.status} ${JSON.stringify(overview.body)}`);
  return overview.body.seats;
}
