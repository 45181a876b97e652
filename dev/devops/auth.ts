import { AdoError } from "./errors";
import type { OrgState } from "./org-state";
import type { UserRecord } from "./records";
import type { DevopsState } from "./state";
import { checkAccessToken } from "./tokens";

// Every REST call needs `Authorization: Bearer <access token>` or Basic with a PAT as the
// password (any user name), valid for the org in the URL.

const UNAUTHORIZED = "UnauthorizedRequestException";

export async function authenticateCaller(
  header: string | undefined,
  org: OrgState,
  state: DevopsState,
  baseUrl: string,
): Promise<UserRecord> {
  const notAuthorized = new AdoError(
    401,
    `VS30063: You are not authorized to access ${baseUrl}/${org.name}.`,
    UNAUTHORIZED,
  );
  if (!header) {
    throw new AdoError(
      401,
      "TF400813: Resource not available for anonymous access. Client authentication required.",
      UNAUTHORIZED,
    );
  }
  const [scheme = "", credential = ""] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === "bearer") {
    const check = await checkAccessToken(credential, org.id);
    if (check.ok) return org.findUser(check.userId) ?? throwError(notAuthorized);
    if (check.reason === "other-org") {
      throw new AdoError(
        401,
        `TF400813: The user '${check.userId}' is not authorized to access this resource.`,
        UNAUTHORIZED,
      );
    }
    throw notAuthorized;
  }
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(credential, "base64").toString("utf8");
    const pat = decoded.slice(decoded.indexOf(":") + 1);
    return state.userOfPat(org, pat) ?? throwError(notAuthorized);
  }
  throw notAuthorized;
}

function throwError(error: Error): never {
  throw error;
}
