import { createHash } from "node:crypto";
import type { HttpRequest } from "@azure/functions";
import { ForbiddenError, UnauthorizedError, ValidationError } from "../domain/errors";
import { isValidOrgName } from "../domain/org-name";
import type { CallerDirectory, ConnectionInfo } from "../ports/directory";
import { verifyAppToken, type AppTokenClaims, type AppTokenOptions } from "./app-token";
import type { Caller } from "./caller";
import type { ExpiringCache } from "./expiring-cache";

/** What proving a caller needs; functions/app builds it once per instance. */
export interface AuthDeps {
  appToken: AppTokenOptions;
  callerDirectory: CallerDirectory;
  now: () => Date;
  /**
   * App tokens this instance has verified, by digest, until they expire: a page sends the
   * same token with every call, and checking its signature again costs more than the rest
   * of the access check. A token that fails is never remembered.
   */
  appTokenCache: ExpiringCache<AppTokenClaims>;
  /** Proven (app token, access token, org) bindings until the tokens expire. */
  bindingCache: ExpiringCache<ConnectionInfo>;
  /** PCA answers per user and org, briefly. */
  pcaCache: ExpiringCache<boolean>;
}

/** How long a PCA answer is trusted: short, so removing someone from the group takes effect soon. */
const PCA_CACHE_MS = 5 * 60 * 1000;
/** An access token that is not a JWT (or has no exp) is re-proven after this long. */
const OPAQUE_TOKEN_CACHE_MS = 10 * 60 * 1000;

export function bearerToken(request: HttpRequest): string | undefined {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** Cache keys for credentials: short, and no token kept in memory longer than its request. */
function digest(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

/** `exp` of a JWT in ms, read without verifying (Azure DevOps verifies it, we only cache by it). */
function jwtExpiryMs(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Authenticates an interactive call from one of our pages:
 * 1. the app token proves who the user is (signed with our extension secret);
 * 2. the caller's Azure DevOps access token, used on the claimed org's connectionData,
 *    proves the user belongs to that org and gives us the org id. Nothing in the request
 *    body is ever trusted as the org.
 */
export async function authenticateUser(request: HttpRequest, deps: AuthDeps): Promise<Caller> {
  const appToken = bearerToken(request);
  if (!appToken)
    throw new UnauthorizedError(
      "Sign-in required: send the Azure DevOps app token as 'Authorization: Bearer <token>'.",
    );
  const claims = await deps.appTokenCache.getOrLoad(digest(appToken), async () => {
    const verified = await verifyAppToken(appToken, deps.appToken, deps.now());
    return { value: verified, expiresAt: verified.expiresAt * 1000 };
  });

  const accessToken = request.headers.get("x-tt-access-token");
  if (!accessToken)
    throw new UnauthorizedError("Sign-in required: the Azure DevOps access token (X-TT-Access-Token) is missing.");
  const orgName = request.headers.get("x-tt-org");
  if (!orgName) throw new ValidationError("The organization (X-TT-Org header) is missing.");
  if (!isValidOrgName(orgName))
    throw new ValidationError(`'${orgName}' is not a valid Azure DevOps organization name.`);

  const key = digest(`${claims.userId}\n${orgName.toLowerCase()}\n${accessToken}`);
  const connection = await deps.bindingCache.getOrLoad(key, async () => {
    const info = await proveOrg(deps, orgName, accessToken);
    if (info.userId.toLowerCase() !== claims.userId.toLowerCase()) {
      throw new ForbiddenError("The app token and the Azure DevOps access token belong to different users.");
    }
    const expiresAt = Math.min(
      claims.expiresAt * 1000,
      jwtExpiryMs(accessToken) ?? deps.now().getTime() + OPAQUE_TOKEN_CACHE_MS,
    );
    return { value: info, expiresAt };
  });

  const orgId = connection.orgId;
  const hostType = request.headers.get("x-tt-host-type") === "server" ? "server" : "cloud";
  return {
    userId: connection.userId,
    displayName: connection.displayName,
    email: connection.email,
    orgId,
    orgName,
    accessToken,
    hostType,
    deployment: isOnPremises(connection.deploymentType) ? "server" : "services",
    readOnly: request.method === "GET" || request.method === "HEAD",
    isPca: () =>
      deps.pcaCache.getOrLoad(`${orgId}:${connection.userId}`, async () => ({
        value: await deps.callerDirectory.isCollectionAdmin(orgName, accessToken),
        expiresAt: deps.now().getTime() + PCA_CACHE_MS,
      })),
  };
}

/** DeploymentFlags.OnPremises: "onPremises" in Azure DevOps' JSON, 2 as azure-devops-node-api's enum. */
function isOnPremises(deploymentType: string): boolean {
  return /^(onpremises|2)$/i.test(deploymentType.trim());
}

async function proveOrg(deps: AuthDeps, orgName: string, accessToken: string): Promise<ConnectionInfo> {
  try {
    return await deps.callerDirectory.connectionData(orgName, accessToken);
  } catch (error) {
    // A token that Azure DevOps rejects for this org is a token of another org (or a forged one).
    if (error instanceof UnauthorizedError || error instanceof ForbiddenError) {
      throw new ForbiddenError(`Your Azure DevOps sign-in is not valid for the organization '${orgName}'.`);
    }
    throw error;
  }
}
