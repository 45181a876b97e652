import { createHash } from "node:crypto";
import type { ApiTokenView, CreateTokenResponse, ListTokensResponse } from "../../contracts/users";
import { composeToken, tokenHint } from "../../domain/api-token";
import { ConflictError, NotFoundError } from "../../domain/errors";
import { can } from "../../domain/roles";
import type { ApiTokenRecord } from "../../ports/api-token-store";
import type { UserManager } from "./user-manager";
import type { UsersDeps } from "./users-deps";

/** Tokens one user may hold at once: enough for several scripts, not a leak waiting to happen. */
export const MAX_TOKENS_PER_USER = 20;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function view(t: ApiTokenRecord): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    hint: t.hint,
    owner: { id: t.ownerId, displayName: t.ownerName },
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
  };
}

/** Administrators see and revoke everyone's tokens; a PCA who is not one sees their own. */
const seesAll = (manager: UserManager) => can(manager.access.effective, "manageSettings");

/** A new token for the caller, shown once: only its hash is stored. */
export async function createApiToken(
  deps: UsersDeps,
  manager: UserManager,
  name: string,
): Promise<CreateTokenResponse> {
  const orgId = manager.access.org.value.id;
  const mine = await deps.tokens.list(orgId, manager.caller.userId);
  if (mine.length >= MAX_TOKENS_PER_USER) {
    throw new ConflictError(`You have ${MAX_TOKENS_PER_USER} tokens already; revoke one you no longer use first.`);
  }
  const secret = composeToken(orgId, deps.randomBytes(32));
  const record: ApiTokenRecord = {
    orgId,
    hash: hashToken(secret),
    id: deps.newId(),
    name: name.trim(),
    hint: tokenHint(secret),
    ownerId: manager.caller.userId,
    ownerName: manager.caller.displayName,
    createdAt: deps.now().toISOString(),
    lastUsedAt: null,
  };
  await deps.tokens.create(record);
  return { token: view(record), secret };
}

export async function listApiTokens(deps: UsersDeps, manager: UserManager): Promise<ListTokensResponse> {
  const all = seesAll(manager);
  const tokens = await deps.tokens.list(manager.access.org.value.id, all ? undefined : manager.caller.userId);
  return { tokens: tokens.map(view), scope: all ? "all" : "own" };
}

export async function revokeApiToken(deps: UsersDeps, manager: UserManager, tokenId: string): Promise<void> {
  const orgId = manager.access.org.value.id;
  const token = await deps.tokens.findById(orgId, tokenId);
  const mayRevoke = token && (token.ownerId === manager.caller.userId || seesAll(manager));
  if (!token || !mayRevoke) throw new NotFoundError("There is no such token (it may have been revoked already).");
  await deps.tokens.delete(orgId, token.hash);
}
