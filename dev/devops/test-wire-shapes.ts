// What the stand-in's own tests read from its responses, named once. These describe the Azure DevOps
// wire JSON the handlers send (see handlers/*-shapes.ts); the tests' assertions check the values.

/** `{ count, value }`: the list envelope most Azure DevOps REST APIs use. */
export interface WireList<T> {
  count: number;
  value: T[];
}

/** The error body Azure DevOps services send with a 4xx/5xx. */
export interface WireError {
  $id: string;
  message: string;
  typeKey: string;
  errorCode: number;
}

/** The stand-in's own `/_dev` error body. */
export interface DevError {
  error: { code: string; message: string };
}

export interface GraphSubject {
  subjectKind: string;
  origin: string;
  displayName: string;
  principalName: string;
  mailAddress?: string;
  domain?: string;
  descriptor: string;
  url: string;
}

export interface GraphMembership {
  containerDescriptor: string;
  memberDescriptor: string;
}

export interface Entitlement {
  id: string;
  user: { principalName: string; displayName: string; descriptor: string };
  accessLevel: { accountLicenseType: string; licenseDisplayName: string; status: string };
}

export interface EntitlementPage {
  totalCount: number;
  items: Entitlement[];
  continuationToken?: string;
}

export interface ConnectionData {
  authenticatedUser: { id: string; subjectDescriptor: string };
  authorizedUser: { id: string };
  instanceId: string;
  deploymentType: string;
}

export interface WorkItem {
  id: number;
  fields: Record<string, unknown>;
  relations?: Array<{ rel: string; url: string }>;
}

export interface Identity {
  id: string;
  isContainer: boolean;
  /** Identity descriptor, `Type;identifier`. */
  descriptor: string;
  subjectDescriptor: string;
  providerDisplayName: string;
  /** Identity descriptors of the members, when queryMembership asks for them. */
  members: string[];
  /** Identity descriptors of the containers, when queryMembership asks for them. */
  memberOf: string[];
  properties: { Account: { $value: string }; Mail: { $value: string }; Domain: { $value: string } };
}
