import { createHash } from "node:crypto";

// Every GUID in the stand-in is derived from a name (RFC 4122 version 5: SHA-1 of
// namespace + name), so ids are identical across runs and machines without a table
// of hand-written constants, and tests can import them from the seed.

/** Root namespace of the stand-in; any fixed GUID works, this one is ours alone. */
export const STANDIN_NAMESPACE = "6f1d8c4e-2b7a-5e90-9c3d-71a4b5e6f802";

function guidBytes(guid: string): Buffer {
  return Buffer.from(guid.replace(/-/g, ""), "hex");
}

function formatGuid(bytes: Buffer): string {
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function uuidV5(namespace: string, name: string): string {
  const hash = createHash("sha1").update(guidBytes(namespace)).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  return formatGuid(hash);
}

/** Base64 without padding: the form Azure DevOps uses inside subject descriptors. */
export function base64NoPad(text: string): string {
  return Buffer.from(text, "utf8").toString("base64").replace(/=+$/, "");
}

export const orgIdFor = (orgName: string): string => uuidV5(STANDIN_NAMESPACE, `org:${orgName.toLowerCase()}`);
export const tenantIdFor = (orgName: string): string => uuidV5(STANDIN_NAMESPACE, `tenant:${orgName.toLowerCase()}`);
export const deploymentIdFor = (orgName: string): string => uuidV5(STANDIN_NAMESPACE, `deployment:${orgName.toLowerCase()}`);
export const projectIdFor = (orgId: string, projectName: string): string => uuidV5(orgId, `project:${projectName.toLowerCase()}`);

/** User storage key: what SDK.getUser().id, connectionData and entitlements call the user id. */
export const userIdFor = (orgId: string, email: string): string => uuidV5(orgId, `user:${email.toLowerCase()}`);

/**
 * Real `aad.` descriptors are base64 of a GUID that is NOT the storage key, so a client
 * that confuses the two fails here as it would against Azure DevOps.
 */
export function userDescriptorFor(orgId: string, email: string): string {
  return `aad.${base64NoPad(uuidV5(orgId, `aad-subject:${email.toLowerCase()}`))}`;
}

/** Entra object id of a user or group (GraphSubject.originId). */
export const originIdFor = (orgId: string, key: string): string => uuidV5(orgId, `origin:${key.toLowerCase()}`);

export const groupIdFor = (orgId: string, principalName: string): string => uuidV5(orgId, `group:${principalName.toLowerCase()}`);

/**
 * Azure DevOps group SIDs: S-1-9-1551374245-<4 numbers of the host>-<scope>-... where the
 * Project Collection Administrators group of a collection ends in -0-0-0-0-1.
 */
function sidNumbers(seed: string, count: number): string[] {
  const hash = createHash("sha1").update(seed, "utf8").digest();
  return Array.from({ length: count }, (_, i) => String(hash.readUInt32BE(i * 4)));
}

export function groupSidFor(orgId: string, kind: "pca" | "project" | "aad", key: string): string {
  const host = sidNumbers(`host:${orgId}`, 4).join("-");
  if (kind === "pca") return `S-1-9-1551374245-${host}-0-0-0-0-1`;
  const scope = kind === "project" ? "1" : "3";
  return `S-1-9-1551374245-${host}-${scope}-${sidNumbers(`${kind}:${key.toLowerCase()}`, 4).join("-")}`;
}
