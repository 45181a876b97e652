import { defaultIsCounted, licensedCount } from "../../domain/seats";
import type { Role } from "../../domain/roles";
import { ensureLedger } from "./seat-ledger";
import type { UsersDeps } from "./users-deps";

/**
 * Licensed members of an org: an explicit role other than None, or Default while the default
 * role is licensed. Read from the seat ledger (one point read, no scan of the org). While a
 * role change is in flight the ledger may count its new seats already, never fewer than
 * exist: billing uses this to refuse seats below the licensed count.
 */
export async function countLicensed(deps: UsersDeps, orgId: string, defaultRole: Role): Promise<number> {
  const ledger = (await ensureLedger(deps, { id: orgId, defaultRole })).value;
  return licensedCount(ledger.counts, ledger.defaultCounted || defaultIsCounted(defaultRole));
}
