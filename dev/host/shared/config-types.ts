// Wire shapes shared by the dev host server and the host page: what
// GET /api/_devhost/config returns and what the Azure DevOps stand-in answers.

/** One contribution of the extension manifest, reduced to what the host page needs. */
export interface HostContribution {
  /** Short id as written in the manifest, e.g. "timetracker-hub". */
  id: string;
  /** Full id as Azure DevOps reports it: "<publisher>.<extension>.<id>". */
  fullId: string;
  type: string;
  targets: string[];
  /** Manifest `properties` (uri, name, text, registeredObjectId, ...). */
  properties: Record<string, unknown>;
  /** properties.uri, if any: relative to the extension root (e.g. "dist/web/hub.html"). */
  uri?: string;
  /** properties.name (hubs, form groups/pages) or properties.text (actions). */
  name?: string;
}

export interface HostExtension {
  publisherId: string;
  extensionId: string;
  /** "<publisher>.<extension>", what SDK.getExtensionContext().id returns. */
  id: string;
  version: string;
  name: string;
}

export interface DevHostConfig {
  extension: HostExtension;
  contributions: HostContribution[];
  /** Where the extension's files are served from by this host ("/ext/"). */
  extensionBaseUrl: string;
  devopsUrl: string;
  apiUrl: string;
  chargebeeUrl?: string;
  defaultOrg: string;
}

export interface StandinUser {
  id: string;
  displayName: string;
  email: string;
  isPca: boolean;
  descriptor?: string;
}

export interface StandinProject {
  id: string;
  name: string;
}

export interface StandinWorkItem {
  id: number;
  fields: Record<string, unknown>;
  relations?: unknown[];
}

/** GET /_dev/orgs/{org} on the Azure DevOps stand-in. */
export interface StandinOrg {
  id: string;
  name: string;
  users: StandinUser[];
  projects: StandinProject[];
  workItems: StandinWorkItem[];
}

/** A direct member of a group, as the stand-in's group endpoints list it. */
export interface StandinGroupMember {
  descriptor: string;
  displayName: string;
  /** A user's email, a group's `[scope]\Name`. */
  principalName: string;
  kind: "user" | "group";
}

/** GET /_dev/orgs/{org}/groups (one entry), and what adding or removing a member answers. */
export interface StandinGroup {
  descriptor: string;
  principalName: string;
  displayName: string;
  /** "vsts" (Azure DevOps group) or "aad" (Entra ID group). */
  origin: string;
  members: StandinGroupMember[];
}

/** POST /_dev/tokens on the Azure DevOps stand-in. */
export interface StandinTokens {
  appToken: string;
  accessToken: string;
  /** ISO date or epoch (seconds or milliseconds); the host accepts all three. */
  expiresAt: string | number;
  user: { id: string; displayName: string; email: string };
  org: { id: string; name: string };
}
