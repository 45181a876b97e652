import * as SDK from "azure-devops-extension-sdk";
import type { HostKind } from "./api-client";

// Read-only facts the host gave us in the init handshake. Call after initSdk() resolved.

export interface SignedInUser {
  id: string;
  /** Login name (email or domain\\user). */
  name: string;
  displayName: string;
  imageUrl: string;
}

export interface HostInfo {
  id: string;
  /** Organization (collection) name: the X-TT-Org header. */
  name: string;
  /** Azure DevOps Services (cloud) rather than Azure DevOps Server. */
  isHosted: boolean;
  kind: HostKind;
}

export function getCurrentUser(): SignedInUser {
  const { id, name, displayName, imageUrl } = SDK.getUser();
  return { id, name, displayName, imageUrl };
}

export function getHostInfo(): HostInfo {
  const { id, name, isHosted } = SDK.getHost();
  return { id, name, isHosted, kind: isHosted ? "cloud" : "server" };
}

/** "<publisher>.<extension>", the prefix of our full contribution ids. */
export function getExtensionId(): string {
  return SDK.getExtensionContext().id;
}

export function getFullContributionId(shortId: string): string {
  return `${getExtensionId()}.${shortId}`;
}

/** Data the host passed to this frame (dialog configuration, for example). */
export function getFrameConfiguration(): Readonly<Record<string, unknown>> {
  return SDK.getConfiguration();
}

/** Asks the host to size this frame; omitted dimensions are measured from the document. */
export function resizeFrame(width?: number, height?: number): void {
  SDK.resize(width, height);
}
