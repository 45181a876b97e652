import type { AssignRolesRequest, AssignRolesResponse } from "../../contracts/users";
import { ValidationError } from "../../domain/errors";
import { duplicateKeys } from "../../domain/role-assignment";
import type { DirectoryCredential } from "../../ports/org-directory";
import { applyRoleChanges } from "./apply-role-changes";
import { seatSummary } from "./member-views";
import type { RoleChangeContext, RoleChangeInput } from "./role-change";
import type { UserManager } from "./user-manager";
import type { UsersDeps } from "./users-deps";

/**
 * The Permissions page's role assignment: one role for a batch of users. Users without a
 * record (added from Azure DevOps) are looked up there with the caller's own token, so
 * names come from Azure DevOps, never from the request, and users outside the org fail.
 */
export async function assignRoles(
  deps: UsersDeps,
  manager: UserManager,
  request: AssignRolesRequest,
): Promise<AssignRolesResponse> {
  const { ctx, inputs } = roleAssignment(deps, manager, request);
  const org = ctx.org;
  const outcomes = await applyRoleChanges(deps, ctx, inputs);
  const failed = outcomes.flatMap((o) => (o.ok ? [] : [{ userId: o.userId, message: o.message }]));
  const succeeded = outcomes.length - failed.length;
  const changed = outcomes.filter((o) => o.ok && o.changed).length;
  if (succeeded === 0) throw new ValidationError(`No user was changed: ${failed[0].message}`, { failed });
  return {
    succeeded,
    changed,
    failed,
    seats: await seatSummary(deps, org),
    message:
      failed.length === 0
        ? "Role was successfully changed"
        : `${succeeded} of ${outcomes.length} users were changed; ${failed.length} could not be.`,
  };
}

/** The request as role-change entries, and the context the write and its preview both run in. */
export function roleAssignment(
  deps: UsersDeps,
  manager: UserManager,
  request: AssignRolesRequest,
): { ctx: RoleChangeContext; inputs: RoleChangeInput[] } {
  const ids = request.userIds.map((id) => id.toLowerCase());
  const duplicates = duplicateKeys(ids, (id) => id);
  if (duplicates.size > 0)
    throw new ValidationError(`These users are listed more than once: ${[...duplicates].slice(0, 5).join(", ")}.`);
  const org = manager.access.org.value;
  const credential: DirectoryCredential = { kind: "bearer", token: manager.caller.accessToken };
  const lookUp = (unknown: string[]) => deps.directory.usersByIds(org.name, credential, unknown);
  return {
    ctx: {
      org,
      actor: manager.actor,
      surface: "permissions-page",
      lookUp,
      ...(manager.isPca ? {} : { managesThroughRole: manager.caller.userId.toLowerCase() }),
      ...(request.holdId ? { seatHold: request.holdId } : {}),
    },
    inputs: ids.map((userId) => ({ userId, role: request.role })),
  };
}
