import { UnauthorizedError, UpstreamError, NotFoundError, ForbiddenError } from "../../domain/errors";

export interface DevopsResponse<T> {
  body: T;
  headers: Headers;
}

/**
 * One JSON request to Azure DevOps with a credential (Bearer access token or Basic PAT),
 * a timeout, and Azure DevOps' failures turned into domain errors with readable messages.
 */
export async function devopsRequest<T>(
  url: string,
  authorization: string,
  timeoutMs: number,
  init: { method?: string; body?: unknown } = {},
): Promise<DevopsResponse<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers: {
        Authorization: authorization,
        Accept: "application/json",
        ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "manual", // a sign-in redirect means the credential was not accepted
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? "did not answer in time" : "could not be reached";
    throw new UpstreamError(`Azure DevOps ${reason}. Please try again in a minute.`);
  }
  if (response.status === 401 || (response.status >= 300 && response.status < 400)) {
    throw new UnauthorizedError("Azure DevOps did not accept the credential for this organization.");
  }
  if (response.status === 403) throw new ForbiddenError("Azure DevOps denied this request for your account.");
  if (response.status === 404) throw new NotFoundError(await errorMessage(response, "Azure DevOps could not find it."));
  if (!response.ok) {
    throw new UpstreamError(`Azure DevOps answered ${response.status}: ${await errorMessage(response, response.statusText)}`);
  }
  return { body: (await response.json()) as T, headers: response.headers };
}

async function errorMessage(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    return typeof body.message === "string" ? body.message : fallback;
  } catch {
    return fallback;
  }
}

export function bearer(accessToken: string): string {
  return `Bearer ${accessToken}`;
}

export function basicPat(pat: string): string {
  return `Basic ${Buffer.from(`:${pat}`).toString("base64")}`;
}
