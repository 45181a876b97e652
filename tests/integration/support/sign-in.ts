import type { BackendStack } from "../../../dev/stack";

export interface SignedIn {
  headers: Record<string, string>;
  user: { id: string; displayName: string; email: string };
  org: { id: string; name: string };
  appToken: string;
  accessToken: string;
}

/**
 * Signs a seeded user in the way a page does: the Azure DevOps stand-in mints the app token
 * and access token the SDK would hand the page, and we send them as our pages do.
 */
export async function signIn(
  stack: BackendStack,
  org: string,
  user: string,
  hostType: "cloud" | "server" = "cloud",
): Promise<SignedIn> {
  const response = await fetch(`${stack.devops.url}/_dev/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ org, user }),
  });
  if (!response.ok) throw new Error(`Could not sign in ${user}@${org}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as Omit<SignedIn, "headers">;
  return {
    ...body,
    headers: {
      Authorization: `Bearer ${body.appToken}`,
      "X-TT-Access-Token": body.accessToken,
      "X-TT-Org": org,
      "X-TT-Host-Type": hostType,
    },
  };
}

/** A JSON call to our API as a signed-in user. */
export async function api<T = unknown>(
  stack: BackendStack,
  who: SignedIn | Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers = "headers" in who ? (who as SignedIn).headers : who;
  const response = await fetch(`${stack.functions.url}/api/${path.replace(/^\//, "")}`, {
    method,
    headers: { ...headers, ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
    ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (a PDF, say): keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}
