import type { DevHostConfig, StandinGroup, StandinOrg, StandinTokens } from "../shared/config-types";

// Calls from the host page to its own server (which proxies the stand-in's
// /_dev endpoints). Failures carry the server's `{ error: { message } }` text.

/** A failed call; `reason` is the server's own message, for pages that show it to a person. */
export class HostApiError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

async function getJson<T>(input: string, init?: RequestInit): Promise<T> {
  const res = await fetch(input, init);
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      const body = JSON.parse(text) as { error?: { message?: string } };
      message = body.error?.message ?? text;
    } catch {
      // not JSON: keep the raw text
    }
    throw new HostApiError(`${init?.method ?? "GET"} ${input} failed (${res.status}): ${message}`, message);
  }
  return JSON.parse(text) as T;
}

export function fetchConfig(): Promise<DevHostConfig> {
  return getJson<DevHostConfig>("/api/_devhost/config");
}

export function fetchOrg(org: string): Promise<StandinOrg> {
  return getJson<StandinOrg>(`/_dev/orgs/${encodeURIComponent(org)}`);
}

export function mintTokens(org: string, userId: string): Promise<StandinTokens> {
  return getJson<StandinTokens>("/_dev/tokens", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ org, user: userId }),
  });
}

/** The host type switch: the stand-in org plays Azure DevOps Services (cloud) or Server. */
export function setDeployment(org: string, hostKind: "cloud" | "server"): Promise<unknown> {
  return getJson<unknown>(`/_dev/orgs/${encodeURIComponent(org)}/deployment`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ deployment: hostKind === "server" ? "server" : "services" }),
  });
}

const groupMembersUrl = (org: string, group: string) =>
  `/_dev/orgs/${encodeURIComponent(org)}/groups/${encodeURIComponent(group)}/members`;

/** The org's groups with their direct members (the Groups (stand-in) page). */
export async function fetchGroups(org: string): Promise<StandinGroup[]> {
  return (await getJson<{ value: StandinGroup[] }>(`/_dev/orgs/${encodeURIComponent(org)}/groups`)).value;
}

/** Adds a user or group (id, email or descriptor) to a group; answers the group as it is now. */
export function addGroupMember(org: string, group: string, member: string): Promise<StandinGroup> {
  return getJson<StandinGroup>(groupMembersUrl(org, group), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ member }),
  });
}

export function removeGroupMember(org: string, group: string, member: string): Promise<StandinGroup> {
  return getJson<StandinGroup>(`${groupMembersUrl(org, group)}/${encodeURIComponent(member)}`, { method: "DELETE" });
}
