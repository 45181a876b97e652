import { planState, seatLimit } from "../../domain/access";
import { PreconditionFailedError, UnavailableError } from "../../domain/errors";
import type { OrgRecord } from "../../domain/org";
import { isLicensed, type Role } from "../../domain/roles";
import { checkSeats, defaultIsCounted, licensedCount } from "../../domain/seats";
import type { Versioned } from "../../ports/versioned";
import { recordDefaultRoleChange } from "./audit-trail";
import { ensureLedger, mutateLedger } from "./seat-ledger";
import { seatRefusal } from "./subscription-link";
import type { UserManager } from "./user-manager";
import type { UsersDeps } from "./users-deps";

const ORG_ATTEMPTS = 8;

/**
 * Changes the org's default role: every member on Default follows at once (no member is
 * written). When members on Default start to need seats (None → a licensed role), the
 * ledger counts them first, checked against the seats; the org document is written with its
 * etag after. When they stop needing seats the org is written first and the ledger follows.
 * `defaultHolds` keeps a concurrent change from un-counting Default while another one that
 * counts it is still in flight.
 */
export async function setDefaultRole(deps: UsersDeps, manager: UserManager, role: Role): Promise<OrgRecord> {
  // The ledger must exist before the org changes: one created later from a stale read of the
  // org would count Default members by the old default role.
  await ensureLedger(deps, manager.access.org.value);
  for (let attempt = 0; attempt < ORG_ATTEMPTS; attempt++) {
    const org = attempt === 0 ? manager.access.org : await freshOrg(deps, manager.caller.orgId);
    const from = org.value.defaultRole;
    if (from === role) return org.value;
    const takesSeats = !isLicensed(from) && isLicensed(role);
    if (takesSeats) await holdDefaultSeats(deps, org.value);
    try {
      const saved = await deps.s.orgs.replace({ ...org.value, defaultRole: role }, org.etag);
      await recordDefaultRoleChange(deps, { org: org.value, actor: manager.actor, surface: "default-role" }, from, role);
      return saved.value;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    } finally {
      if (takesSeats) await releaseHold(deps, org.value);
      else if (isLicensed(from) && !isLicensed(role)) await uncountDefaultIfFree(deps, org.value);
    }
  }
  throw new UnavailableError("The organization's settings kept changing while saving the default role. Please try again.");
}

async function freshOrg(deps: UsersDeps, orgId: string): Promise<Versioned<OrgRecord>> {
  const org = await deps.s.orgs.get(orgId);
  if (!org) throw new UnavailableError("The organization could not be read.");
  return org;
}

/** Counts Default members as licensed (refused with the seat message if they do not fit). */
async function holdDefaultSeats(deps: UsersDeps, org: OrgRecord): Promise<void> {
  const limit = seatLimit(planState(org, deps.s.now()));
  await mutateLedger(deps, org, (ledger) => {
    if (!ledger.defaultCounted) {
      const check = checkSeats(licensedCount(ledger.counts, false), ledger.counts.onDefault, limit);
      if (!check.ok) throw seatRefusal(deps.s.config, org.name, check);
    }
    return { ...ledger, defaultCounted: true, defaultHolds: ledger.defaultHolds + 1 };
  });
}

async function releaseHold(deps: UsersDeps, org: OrgRecord): Promise<void> {
  await mutateLedger(deps, org, (ledger) => ({ ...ledger, defaultHolds: Math.max(0, ledger.defaultHolds - 1) }));
  await uncountDefaultIfFree(deps, org);
}

/**
 * Stops counting Default members once the stored default role is unlicensed and no change
 * that counts them is in flight. The ledger is read (etag) before the org, so a concurrent
 * hold makes this write fail and re-check.
 */
async function uncountDefaultIfFree(deps: UsersDeps, org: OrgRecord): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const current = await deps.ledgers.get(org.id);
    if (!current || !current.value.defaultCounted || current.value.defaultHolds > 0) return;
    const stored = await deps.s.orgs.get(org.id);
    if (!stored || defaultIsCounted(stored.value.defaultRole)) return;
    try {
      await deps.ledgers.replace({ ...current.value, defaultCounted: false, updatedAt: deps.s.now().toISOString() }, current.etag);
      return;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      await deps.sleep(Math.random() * 20); // someone changed the ledger: look again
    }
  }
  // Still counted: the ledger errs on the safe side until the reconcile timer recounts.
}
