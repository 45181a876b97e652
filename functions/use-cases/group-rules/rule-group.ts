import { ConflictError, DomainError, ForbiddenError, NotFoundError, UnauthorizedError } from "../../domain/errors";
import type { OrgRecord } from "../../domain/org";
import type { DirectoryCredential, DirectoryGroup, GroupUsers, KnownUsers } from "../../ports/org-directory";
import { SERVICE_ACCOUNT_MISSING, serviceCredential } from "../users/service-account";
import type { UsersDeps } from "../users/users-deps";

export const GROUP_NOT_FOUND =
  "Azure DevOps has no such group, or the account reading it cannot see it. Search for the group again.";

/** The group and every user in it now (nested groups expanded), read with `credential`. */
export async function readGroup(
  deps: UsersDeps,
  org: OrgRecord,
  credential: DirectoryCredential,
  descriptor: string,
  known?: KnownUsers,
): Promise<{ group: DirectoryGroup; members: GroupUsers }> {
  // At once: the group's name and its members are two requests that need nothing of each other.
  const [group, members] = await Promise.all([
    deps.directory.group(org.name, credential, descriptor),
    deps.directory.groupMembers(org.name, credential, descriptor, known).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError(GROUP_NOT_FOUND) : error;
    }),
  ]);
  if (!group) throw new NotFoundError(GROUP_NOT_FOUND);
  return { group, members };
}

/**
 * Reads the group with the org's service account, as every sync will: a rule whose group the
 * service account cannot read would never sync, so creating one is refused with what to fix.
 */
export async function readGroupAsServiceAccount(
  deps: UsersDeps,
  org: OrgRecord,
  descriptor: string,
  known?: KnownUsers,
): Promise<{ group: DirectoryGroup; members: GroupUsers }> {
  const credential = await ruleServiceCredential(deps, org);
  try {
    return await readGroup(deps, org, credential, descriptor, known);
  } catch (error) {
    if (error instanceof UnauthorizedError || error instanceof ForbiddenError)
      throw new ConflictError(
        "The service account cannot read this group's members: Azure DevOps refused its token. Group rules need a service account whose token has Graph (Read) and Identity (Read) and has not expired; save a new token under Timetracker Permissions › Service account (or in Timetracker Settings).",
      );
    throw error;
  }
}

/**
 * A user present must see the group with their own token, as its preview read it: a rule lists
 * who is in its group, so a Timetracker administrator cannot learn the members of a group Azure
 * DevOps does not show them by naming it in a request.
 */
export async function refuseUnlessCallerSeesGroup(
  deps: UsersDeps,
  org: OrgRecord,
  credential: DirectoryCredential,
  descriptor: string,
): Promise<void> {
  if (!(await deps.directory.group(org.name, credential, descriptor))) throw new NotFoundError(GROUP_NOT_FOUND);
}

export const RULES_NEED_SERVICE_ACCOUNT =
  "Group rules read their groups with the organization's service account, and none is saved: a Project Collection Administrator saves one under Timetracker Permissions › Service account (or in Timetracker Settings).";

/** The service account's credential, or a refusal that says what group rules need. */
async function ruleServiceCredential(deps: UsersDeps, org: OrgRecord): Promise<DirectoryCredential> {
  try {
    return await serviceCredential(deps, org.id);
  } catch (error) {
    if (error instanceof ConflictError && error.message === SERVICE_ACCOUNT_MISSING)
      throw new ConflictError(RULES_NEED_SERVICE_ACCOUNT);
    throw error;
  }
}

/** What the last read of a group says to show on the rule when it failed. */
export function readProblem(error: unknown): string {
  // A missing or refused service account arrives as the ConflictError of ruleServiceCredential
  // or readGroupAsServiceAccount, which says what to fix.
  if (error instanceof NotFoundError)
    return "The group no longer exists in Azure DevOps. Delete the rule, or create the group again.";
  if (error instanceof DomainError) return error.message;
  return "Azure DevOps did not answer completely.";
}
