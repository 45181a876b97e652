import { errors, jwtVerify } from "jose";
import { UnauthorizedError } from "../domain/errors";

export interface AppTokenClaims {
  userId: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export interface AppTokenOptions {
  secrets: string[];
  audiences: string[];
  issuer: string;
}

const encoder = new TextEncoder();

/**
 * The secrets as WebCrypto keys, imported once: given raw bytes, jose imports the key again
 * on every verification, which is most of the cost of checking a token.
 */
const verificationKeys = new Map<string, Promise<CryptoKey>>();

function verificationKey(secret: string): Promise<CryptoKey> {
  let key = verificationKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    verificationKeys.set(secret, key);
  }
  return key;
}

/**
 * Verifies the app token Azure DevOps issues to our extension (SDK.getAppToken): HS256 only
 * (so `alg: none` and public-key confusion are rejected), our issuer, our extension as
 * audience, within its lifetime. Several secrets are accepted so the extension certificate
 * can be rotated without downtime.
 */
export async function verifyAppToken(
  token: string,
  options: AppTokenOptions,
  now: Date = new Date(),
): Promise<AppTokenClaims> {
  let lastError: unknown;
  for (const secret of options.secrets) {
    try {
      const { payload } = await jwtVerify(token, await verificationKey(secret), {
        algorithms: ["HS256"],
        issuer: options.issuer,
        audience: options.audiences,
        currentDate: now,
        clockTolerance: 30,
      });
      const userId = payload.nameid;
      if (typeof userId !== "string" || userId.length === 0) {
        throw new UnauthorizedError("The app token does not name a user (claim 'nameid').");
      }
      if (typeof payload.exp !== "number") throw new UnauthorizedError("The app token has no expiry.");
      return { userId, expiresAt: payload.exp };
    } catch (error) {
      if (error instanceof UnauthorizedError) throw error;
      lastError = error;
      // A wrong signature may just mean another of our secrets signed it: try the next one.
      if (error instanceof errors.JWSSignatureVerificationFailed) continue;
      break;
    }
  }
  throw new UnauthorizedError(explain(lastError));
}

function explain(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "The app token has expired. Reload the page to sign in again.";
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return "The app token's signature is not valid for this extension.";
  if (error instanceof errors.JOSEAlgNotAllowed) return "The app token must be signed with HS256.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return "The app token was not issued by Azure DevOps.";
    if (error.claim === "aud") return "The app token was issued for another extension.";
    if (error.claim === "nbf") return "The app token is not valid yet.";
    return `The app token's '${error.claim}' claim is not valid.`;
  }
  return "The app token is not a valid token.";
}
