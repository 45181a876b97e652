import type { ServiceAccountResponse } from "../../contracts/users";
import { ConflictError, ForbiddenError, UnauthorizedError, ValidationError } from "../../domain/errors";
import type { DirectoryCredential } from "../../ports/org-directory";
import type { ServiceAccountRecord } from "../../ports/service-account-store";
import { openSecret, sealSecret } from "./secret-box";
import type { UserManager } from "./user-manager";
import type { UsersDeps } from "./users-deps";

export const SERVICE_ACCOUNT_MISSING =
  "service account not configured: a Project Collection Administrator must save a personal access token for the organization's service account in Timetracker Settings before the REST API can look up users.";

export function serviceAccountView(record: ServiceAccountRecord | null): ServiceAccountResponse {
  if (!record) return { configured: false };
  return {
    configured: true,
    account: { id: record.accountId, displayName: record.accountName },
    savedBy: record.savedBy,
    savedAt: record.savedAt,
  };
}

function requirePca(manager: UserManager): void {
  if (!manager.isPca)
    throw new ForbiddenError("Only Project Collection Administrators can set the organization's service account.");
}

/**
 * Saves the service account's PAT after proving it: Azure DevOps must accept it for this very
 * org (connectionData's instance id), and it must be able to read the directory. Stored
 * sealed; never returned.
 */
export async function saveServiceAccount(
  deps: UsersDeps,
  manager: UserManager,
  pat: string,
): Promise<ServiceAccountResponse> {
  requirePca(manager);
  const org = manager.access.org.value;
  const credential: DirectoryCredential = { kind: "pat", pat };
  let who: { userId: string; displayName: string; orgId: string };
  try {
    who = await deps.directory.whoAmI(org.name, credential);
    // Azure DevOps Server has no User Entitlements: there the PAT proves it can read Identities.
    if (manager.caller.deployment === "server") await deps.directory.usersByIds(org.name, credential, [who.userId]);
    else await deps.directory.listUsers(org.name, credential, { search: "", continuation: null });
  } catch (error) {
    if (error instanceof UnauthorizedError || error instanceof ForbiddenError) {
      throw new ValidationError(
        "Azure DevOps did not accept this personal access token for this organization (it needs the Graph, Identity and Member Entitlement Management read scopes).",
      );
    }
    throw error;
  }
  if (who.orgId !== org.id.toLowerCase())
    throw new ValidationError("This personal access token belongs to another organization.");
  const record: ServiceAccountRecord = {
    orgId: org.id,
    encryptedPat: sealSecret(deps.settings.secretsKey, org.id, pat),
    accountId: who.userId,
    accountName: who.displayName,
    savedBy: { id: manager.caller.userId, displayName: manager.caller.displayName },
    savedAt: deps.now().toISOString(),
    deployment: manager.caller.deployment,
  };
  await deps.serviceAccounts.put(record);
  return serviceAccountView(record);
}

export async function removeServiceAccount(deps: UsersDeps, manager: UserManager): Promise<ServiceAccountResponse> {
  requirePca(manager);
  await deps.serviceAccounts.delete(manager.access.org.value.id);
  return { configured: false };
}

/** The service account's credential for work without a user present; 409 when none is saved. */
export async function serviceCredential(deps: UsersDeps, orgId: string): Promise<DirectoryCredential> {
  const record = await deps.serviceAccounts.get(orgId);
  if (!record) throw new ConflictError(SERVICE_ACCOUNT_MISSING);
  try {
    return { kind: "pat", pat: openSecret(deps.settings.secretsKey, orgId, record.encryptedPat) };
  } catch {
    throw new ConflictError(
      "service account not configured: the saved token can no longer be read (the encryption key changed). Save it again in Timetracker Settings.",
    );
  }
}
