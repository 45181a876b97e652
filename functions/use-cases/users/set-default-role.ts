import { planState, seatLimit } from "../../domain/access";
import type { AuditEntry } from "../../domain/audit";
import { PreconditionFailedError, UnavailableError, ValidationError } from "../../domain/errors";
import { ownDefaultRoleRefusal } from "../../domain/role-sources";
import type { OrgRecord } from "../../domain/org";
import { retryOnConflict } from "../../domain/retry-on-conflict";
import { type Role } from "../../domain/roles";
import { checkSeats, defaultIsCounted } from "../../domain/seats";
import type { Versioned } from "../../ports/versioned";
import { ensureLedger, seatsTaken } from "./seat-ledger";
import { seatRefusal } from "./subscription-link";
import type { UserManager } from "./user-manager";
import type { UsersDeps } from "./users-deps";

/** Attempts while other requests write the org or the ledger first, before giving up with 503. */
const ORG_RACE_ATTEMPTS = 20;
/** A short random pause, so racing default-role changes do not collide again in step. */
const ORG_RACE_BACKOFF = () => Math.random() * 40;

/**
 * Changes the org's default role: every member on Default follows at once (no member is
 * written). The org document and the seat ledger (whether Default members count) are written
 * in one transactional batch, each guarded by its etag; when members on Default start to
 * need seats (None → a licensed role) they must fit, else 409 and nothing changes.
 */
export async function setDefaultRole(deps: UsersDeps, manager: UserManager, role: Role): Promise<OrgRecord> {
  // PCAs manage users whatever their role; an Administrator only through Default keeps it.
  const lockout = manager.isPca ? null : ownDefaultRoleRefusal(manager.access.parts, role);
  if (lockout) throw new ValidationError(lockout);
  const policy = {
    attempts: ORG_RACE_ATTEMPTS,
    isConflict: (error: unknown) => error instanceof PreconditionFailedError,
    backoff: { delayMs: ORG_RACE_BACKOFF, sleep: deps.sleep },
  };
  return retryOnConflict(policy, async (attempt) => {
    const org = attempt === 0 ? manager.access.org : await freshOrg(deps, manager.caller.orgId);
    const from = org.value.defaultRole;
    if (from === role) return org.value;
    const ledger = await ensureLedger(deps, org.value);
    const counted = defaultIsCounted(role);
    if (counted && !ledger.value.defaultCounted) {
      // Seats other changes hold for their later batches are as taken as licensed ones.
      const check = checkSeats(
        seatsTaken(ledger.value, deps.now()),
        ledger.value.counts.onDefault,
        seatLimit(planState(org.value, deps.now())),
      );
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
    const ledgerNext = {
      value: { ...ledger.value, defaultCounted: counted, updatedAt: deps.now().toISOString() },
      etag: ledger.etag,
    };
    const outcome = await deps.commits.commitOrg(next, ledgerNext, audit);
    if (outcome === "changed")
      throw new PreconditionFailedError("The organization or its seat ledger changed while saving.");
    return next.value; // its audit entry waits in the outbox until the trail is read
  });
}

async function freshOrg(deps: UsersDeps, orgId: string): Promise<Versioned<OrgRecord>> {
  const org = await deps.orgs.get(orgId);
  if (!org) throw new UnavailableError("The organization could not be read.");
  return org;
}
