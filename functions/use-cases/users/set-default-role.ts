import { planState, seatLimit } from "../../domain/access";
import type { AuditEntry } from "../../domain/audit";
import { UnavailableError } from "../../domain/errors";
import type { OrgRecord } from "../../domain/org";
import { type Role } from "../../domain/roles";
import { checkSeats, defaultIsCounted, licensedCount } from "../../domain/seats";
import type { Versioned } from "../../ports/versioned";
import { ensureLedger, mutateLedger } from "./seat-ledger";
import { seatRefusal } from "./subscription-link";
import type { UserManager } from "./user-manager";
import type { UsersDeps } from "./users-deps";

const MAX_ATTEMPTS = 20;

/**
 * Changes the org's default role: every member on Default follows at once (no member is
 * written). The org document and the seat ledger (whether Default members count) are written
 * in one transactional batch, each guarded by its etag; when members on Default start to
 * need seats (None → a licensed role) they must fit, else 409 and nothing changes.
 */
export async function setDefaultRole(deps: UsersDeps, manager: UserManager, role: Role): Promise<OrgRecord> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const org = attempt === 0 ? manager.access.org : await freshOrg(deps, manager.caller.orgId);
    const from = org.value.defaultRole;
    if (from === role) return org.value;
    const ledger = await ensureLedger(deps, org.value);
    const counted = defaultIsCounted(role);
    if (counted && !ledger.value.defaultCounted) {
      const check = checkSeats(licensedCount(ledger.value.counts, false), ledger.value.counts.onDefault, seatLimit(planState(org.value, deps.now())));
      if (!check.ok) throw seatRefusal(deps.settings, org.value.name, check);
    }
    const audit: AuditEntry = {
      id: deps.newId(),
      orgId: org.value.id,
      at: deps.now().toISOString(),
      actor: manager.actor,
      surface: "default-role",
      changes: [],
      defaultRole: { from, to: role },
    };
    const next = { value: { ...org.value, defaultRole: role }, etag: org.etag };
    const ledgerNext = { value: { ...ledger.value, defaultCounted: counted, updatedAt: deps.now().toISOString() }, etag: ledger.etag };
    const outcome = await deps.commits.commitOrg(next, ledgerNext, audit, counted);
    if (outcome === "committed") return next.value; // its audit entry waits in the outbox until the trail is read
    await repairPartialWrite(deps, org.value.id);
    await deps.sleep(Math.random() * 40);
  }
  throw new UnavailableError("The organization kept changing while saving the default role. Please try again.");
}

async function freshOrg(deps: UsersDeps, orgId: string): Promise<Versioned<OrgRecord>> {
  const org = await deps.orgs.get(orgId);
  if (!org) throw new UnavailableError("The organization could not be read.");
  return org;
}

/**
 * On a store whose batches are not atomic (the emulator), a refused batch can have written
 * its first document (the one on the safe side): make the ledger follow the stored default
 * role again.
 *
 * The ledger is read before the org, and written only if unchanged since: every default role
 * change moves the ledger's etag, so a decision made on an org that changed in between never
 * lands (it is taken again). Deciding on an org read before the ledger would let a change
 * slip in between.
 */
async function repairPartialWrite(deps: UsersDeps, orgId: string): Promise<void> {
  const org = (await freshOrg(deps, orgId)).value;
  // mutateLedger reads the ledger, then runs this, then writes only over that ledger version.
  await mutateLedger(deps, org, async (ledger) => {
    const counted = defaultIsCounted((await freshOrg(deps, orgId)).value.defaultRole);
    return ledger.defaultCounted === counted ? null : { ...ledger, defaultCounted: counted };
  });
}
