import type { Caller } from "../../auth/caller";
import type { AuditActor } from "../../domain/audit";
import { ForbiddenError } from "../../domain/errors";
import { MANAGE_USERS_DENIED, mayManageUsers } from "../../domain/role-assignment";
import { resolveCallerAccess, type AccessDeps, type CallerAccess } from "../caller-access";

/** A caller allowed to manage users: a PCA (any role, licensed or not) or an Administrator. */
export interface UserManager {
  caller: Caller;
  access: CallerAccess;
  isPca: boolean;
  actor: AuditActor;
}

/** Every user-management endpoint starts here; anyone else gets 403 with who may. */
export async function requireUserManager(deps: AccessDeps, caller: Caller): Promise<UserManager> {
  const [access, isPca] = await Promise.all([resolveCallerAccess(deps, caller), caller.isPca()]);
  if (!mayManageUsers({ isPca, effective: access.effective })) throw new ForbiddenError(MANAGE_USERS_DENIED);
  return { caller, access, isPca, actor: { id: caller.userId, displayName: caller.displayName } };
}
