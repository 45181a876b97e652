import type { AccessLevel, WorkItemType } from "./seed-types";

// In-memory records of the stand-in's state. Wire shapes are built from these in
// handlers/*-shapes.ts; nothing here knows about HTTP.

export interface UserRecord {
  kind: "user";
  /** Storage key (VSID): SDK.getUser().id, connectionData id, entitlement id. */
  id: string;
  /** Graph subject descriptor, `aad.<base64>`. */
  descriptor: string;
  originId: string;
  displayName: string;
  email: string;
  accessLevel: AccessLevel;
  dateCreated: string;
  lastAccessedDate: string;
}

export interface GroupRecord {
  kind: "group";
  id: string;
  /** `vssgp.<base64 SID>` for Azure DevOps groups, `aadgp.<base64 SID>` for Entra groups. */
  descriptor: string;
  sid: string;
  origin: "vsts" | "aad";
  originId: string;
  displayName: string;
  /** `[scope]\Name`, e.g. `[Fabrikam Web]\Contributors`. */
  principalName: string;
  description: string;
  domain: string;
  mailAddress: string | null;
  isPcaGroup: boolean;
}

export type SubjectRecord = UserRecord | GroupRecord;

export interface ProjectRecord {
  id: string;
  name: string;
  description: string;
}

export interface WorkItemRecord {
  id: number;
  rev: number;
  projectName: string;
  type: WorkItemType;
  title: string;
  state: string;
  parentId?: number;
  /** The comment on the link to the parent, if someone wrote one (shown from both ends). */
  parentLinkComment?: string;
  assignedToUserId?: string;
  createdDate: string;
  changedDate: string;
}
