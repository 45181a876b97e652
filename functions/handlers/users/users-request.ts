import type { Services } from "../../app/services";
import type { Caller } from "../../auth/caller";
import { requireUserManager, type UserManager } from "../../use-cases/users/user-manager";
import type { UsersDeps } from "../../use-cases/users/users-deps";

/** Every user-management handler starts here: the users ports and a caller who may manage users (403 otherwise). */
export async function managerRequest(
  services: Services,
  caller: Caller,
): Promise<{ deps: UsersDeps; manager: UserManager }> {
  return { deps: services.users, manager: await requireUserManager(services.users, caller) };
}
