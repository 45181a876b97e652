import { orgOfToken } from "../../domain/api-token";
import type { AuditActor } from "../../domain/audit";
import { ConflictError, ForbiddenError, RateLimitedError, UnauthorizedError } from "../../domain/errors";
import type { OrgRecord } from "../../domain/org";
import { mayManageUsers } from "../../domain/role-assignment";
import { effectiveRoleOf } from "../../domain/role-sources";
import type { ApiTokenRecord } from "../../ports/api-token-store";
import type { Versioned } from "../../ports/versioned";
import { hashToken } from "./api-tokens";
import { serviceCredential } from "./service-account";
import type { OwnerAuthority, UsersDeps } from "./users-deps";

/** How long a token owner's authority (Administrator or PCA) is trusted before re-checking. */
const AUTHORITY_TTL_MS = 60_000;
/** lastUsedAt is written at most this often per token (it is shown in Settings). */
const USAGE_WRITE_MS = 60_000;

export interface RestPrincipal {
  org: Versioned<OrgRecord>;
  token: ApiTokenRecord;
  actor: AuditActor;
  /** "role": their Administrator role was enough, whether they are a PCA too was not asked. */
  authority: OwnerAuthority;
}

/**
 * Authenticates a REST API call (the token as the HTTP edge read it): the token names its org, so finding it is one point read
 * of its hash in that org's partition; then the per-token rate limit (10/s, 100/min, in
 * memory per instance) and whether the owner may still manage users.
 */
export async function authenticateRestToken(deps: UsersDeps, text: string): Promise<RestPrincipal> {
  const orgId = orgOfToken(text);
  const token = orgId ? await deps.tokens.findByHash(orgId, hashToken(text)) : null;
  if (!orgId || !token)
    throw new UnauthorizedError(
      "This REST API token is not valid: it may have been revoked. Create a new one in Timetracker Settings.",
    );
  const decision = deps.limiter.take(token.hash, deps.now().getTime());
  if (!decision.allowed) {
    throw new RateLimitedError(
      `Too many requests with this token (at most 10 per second and 100 per minute). Retry after ${decision.retryAfterSeconds} s.`,
      decision.retryAfterSeconds,
    );
  }
  const org = await deps.orgs.get(orgId);
  if (!org) throw new UnauthorizedError("This REST API token's organization does not use Timetracker any more.");
  const authority = await requireOwnerAuthority(deps, org.value, token);
  recordUse(deps, token);
  return { org, token, actor: { id: token.ownerId, displayName: token.ownerName, tokenId: token.id }, authority };
}

/** The owner must still be a Timetracker Administrator, or a PCA (checked with the service account). */
async function requireOwnerAuthority(deps: UsersDeps, org: OrgRecord, token: ApiTokenRecord): Promise<OwnerAuthority> {
  // Only a "yes" is remembered: a refused owner who is promoted (or a service account that
  // is added) is let in at once, a demoted one is refused within AUTHORITY_TTL_MS.
  const key = `${org.id}:${token.ownerId}`;
  const known = deps.ownerAuthority.get(key);
  if (known) return known;
  const member = await deps.roster.get(org.id, token.ownerId);
  const authority: OwnerAuthority | null =
    member && mayManageUsers({ isPca: false, effective: effectiveRoleOf(member.value, org.defaultRole) })
      ? "role"
      : (await ownerIsPca(deps, org, token.ownerId))
        ? "pca"
        : null;
  if (!authority)
    throw new ForbiddenError(
      `The owner of this token (${token.ownerName}) is no longer a Timetracker Administrator or a Project Collection Administrator.`,
    );
  deps.ownerAuthority.set(key, authority, deps.now().getTime() + AUTHORITY_TTL_MS);
  return authority;
}

/** Whether the token's owner is a Project Collection Administrator, asked with the service account (none saved: no). */
export async function ownerIsPca(deps: UsersDeps, org: OrgRecord, ownerId: string): Promise<boolean> {
  let credential;
  try {
    credential = await serviceCredential(deps, org.id);
  } catch (error) {
    if (error instanceof ConflictError) return false; // no service account: PCA-ness cannot be checked
    throw error;
  }
  return deps.directory.isCollectionAdmin(org.name, credential, ownerId);
}

function recordUse(deps: UsersDeps, token: ApiTokenRecord): void {
  const now = deps.now();
  if (token.lastUsedAt && now.getTime() - Date.parse(token.lastUsedAt) < USAGE_WRITE_MS) return;
  // Best effort: a failed bookkeeping write must not fail the caller's request.
  deps.tokens.markUsed(token.orgId, token.hash, now.toISOString()).catch(() => undefined);
}
