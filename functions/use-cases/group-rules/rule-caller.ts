import type { AuditActor } from "../../domain/audit";
import type { OrgRecord } from "../../domain/org";
import type { DirectoryCredential } from "../../ports/org-directory";
import type { RestPrincipal } from "../users/rest-auth";
import type { UsersDeps } from "../users/users-deps";

/**
 * Who manages group rules: a user on the Permissions page (reading groups with their own
 * token, so Azure DevOps decides what they may see) or a REST API token (through the
 * service account). Either may manage users; the handlers checked that.
 */
export interface RuleCaller {
  org: OrgRecord;
  actor: AuditActor;
  /** The user's credential: previews read groups with it, and a create checks the user sees the group; null: the service account's (REST). */
  credential: DirectoryCredential | null;
  /** PCAs see the rules' problems as warnings on the Permissions page. */
  isPca: boolean;
  /** Names this request as a sync's lease holder. */
  requestId: string;
  /**
   * Where the org lives: as Azure DevOps said for a signed-in user; for a REST token, as the
   * service account was saved on; null when neither says (no service account saved yet, or
   * saved before this was kept), which is taken as Services.
   */
  deployment: "services" | "server" | null;
}

export const GROUP_RULES_NEED_SERVICES =
  "Group rules need Azure DevOps Services: Azure DevOps Server has no Graph API to find and read groups with. On Azure DevOps Server, add users by their e-mail address under Licensed users › Add Users.";

/**
 * A REST token manages rules through the service account: there is no user present, so where
 * the org lives is what the service account was saved on (and a REST caller on Azure DevOps
 * Server is told that group rules need Services, as the page tells its users).
 */
export async function restRuleCaller(deps: UsersDeps, principal: RestPrincipal): Promise<RuleCaller> {
  const serviceAccount = await deps.serviceAccounts.get(principal.org.value.id);
  return {
    org: principal.org.value,
    actor: principal.actor,
    credential: null,
    isPca: false,
    requestId: deps.newId(),
    deployment: serviceAccount?.deployment ?? null,
  };
}
