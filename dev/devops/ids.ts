import { createHash, hash } from "node:crypto";

// Every GUID in the stand-in is derived from a name (RFC 4122 version 5: SHA-1 of
// namespace + name; users: see userGuidsFor), so ids are identical across runs and
// machines without a table of hand-written constants, and tests can import them from
// the seed. crypto.hash (one-shot, Node >= 20.12) is about twice as fast as createHash.

/** Root namespace of the stand-in; any fixed GUID works, this one is ours alone. */
export const STANDIN_NAMESPACE = "6f1d8c4e-2b7a-5e90-9c3d-71a4b5e6f802";

const namespaceBytes = new Map<string, Buffer>();

function guidBytes(guid: string): Buffer {
  let bytes = namespaceBytes.get(guid);
  if (!bytes) namespaceBytes.set(guid, (bytes = Buffer.from(guid.replace(/-/g, ""), "hex")));
  return bytes;
}

function formatGuid(bytes: Buffer): string {
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function uuidV5(namespace: string, name: string): string {
  const digest = hash("sha1", Buffer.concat([guidBytes(namespace), Buffer.from(name, "utf8")]), "buffer");
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return formatGuid(digest);
}

/** Base64 without padding: the form Azure DevOps uses inside subject descriptors. */
export function base64NoPad(text: string): string {
  return Buffer.from(text, "utf8").toString("base64").replace(/=+$/, "");
}

export const orgIdFor = (orgName: string): string => uuidV5(STANDIN_NAMESPACE, `org:${orgName.toLowerCase()}`);
export const tenantIdFor = (orgName: string): string => uuidV5(STANDIN_NAMESPACE, `tenant:${orgName.toLowerCase()}`);
export const deploymentIdFor = (orgName: string): string =>
  uuidV5(STANDIN_NAMESPACE, `deployment:${orgName.toLowerCase()}`);
export const projectIdFor = (orgId: string, projectName: string): string =>
  uuidV5(orgId, `project:${projectName.toLowerCase()}`);

export interface UserGuids {
  /** Storage key (VSID): what SDK.getUser().id, connectionData and entitlements call the user id. */
  id: string;
  /** Entra object id (GraphUser.originId). */
  originId: string;
  /** Graph subject descriptor, `aad.<base64 of a GUID>`. */
  descriptor: string;
}

/**
 * A user's three identifiers from one SHA-512 of org + email (one hash per user keeps
 * 100,000 synthetic users fast). Real `aad.` descriptors are base64 of a GUID that is NOT
 * the storage key, so a client that confuses the two fails here as it would on Azure DevOps.
 */
export function userGuidsFor(orgId: string, email: string): UserGuids {
  const digest = hash(
    "sha512",
    Buffer.concat([guidBytes(orgId), Buffer.from(`user:${email.toLowerCase()}`, "utf8")]),
    "buffer",
  );
  const guidAt = (offset: number): string => {
    const bytes = digest.subarray(offset, offset + 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    return formatGuid(bytes);
  };
  return { id: guidAt(0), originId: guidAt(16), descriptor: `aad.${base64NoPad(guidAt(32))}` };
}

/** Entra object id of a group (GraphGroup.originId). */
export const originIdFor = (orgId: string, key: string): string => uuidV5(orgId, `origin:${key.toLowerCase()}`);

export const groupIdFor = (orgId: string, principalName: string): string =>
  uuidV5(orgId, `group:${principalName.toLowerCase()}`);

/**
 * Azure DevOps group SIDs: S-1-9-1551374245-<4 numbers of a scope>-<well-known RIDs or a kind>-...
 * A scope's own administrators group ends in -0-0-0-0-1 under that scope's numbers: the
 * collection's for Project Collection Administrators, the project's for a project's Project
 * Administrators (both shapes are in Microsoft's recorded Graph groups). Other groups carry
 * the collection's numbers, a kind (1 project, 3 Entra) and 4 numbers of their own.
 */
function sidNumbers(seed: string, count: number): string[] {
  const hash = createHash("sha1").update(seed, "utf8").digest();
  return Array.from({ length: count }, (_, i) => String(hash.readUInt32BE(i * 4)));
}

/** key: the group's `[scope]\Name`, or the project's name for "projectAdmins". */
export function groupSidFor(orgId: string, kind: "pca" | "projectAdmins" | "project" | "aad", key: string): string {
  const host = sidNumbers(`host:${orgId}`, 4).join("-");
  if (kind === "pca") return `S-1-9-1551374245-${host}-0-0-0-0-1`;
  if (kind === "projectAdmins") {
    return `S-1-9-1551374245-${sidNumbers(`scope:${orgId}:${key.toLowerCase()}`, 4).join("-")}-0-0-0-0-1`;
  }
  const scope = kind === "project" ? "1" : "3";
  return `S-1-9-1551374245-${host}-${scope}-${sidNumbers(`${kind}:${key.toLowerCase()}`, 4).join("-")}`;
}
