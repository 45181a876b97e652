import { z } from "zod";

/**
 * Wire shapes of the Azure DevOps answers user management reads (Graph, Member Entitlement
 * Management, Identities). Only the fields we use; everything else passes through.
 */
export const GraphSubject = z.object({
  subjectKind: z.string(),
  descriptor: z.string(),
  displayName: z.string().nullish(),
  principalName: z.string().nullish(),
  mailAddress: z.string().nullish(),
  origin: z.string().nullish(),
  description: z.string().nullish(),
});
export type GraphSubject = z.infer<typeof GraphSubject>;

export const SubjectList = z.object({ value: z.array(GraphSubject) });

const UserEntitlement = z.object({
  id: z.string(),
  user: z.object({
    displayName: z.string().nullish(),
    principalName: z.string().nullish(),
    mailAddress: z.string().nullish(),
  }),
});

/**
 * GET _apis/userentitlements answers `PagedUserEntitlementsList` in 7.1
 * (`{ items, continuationToken, totalCount }`, memberEntitlementManagement.json); servers
 * that still speak the older `PagedGraphMemberList` answer `members` instead. Either is read.
 */
export const EntitlementPage = z
  .object({
    items: z.array(UserEntitlement).nullish(),
    members: z.array(UserEntitlement).nullish(),
    continuationToken: z.string().nullish(),
    totalCount: z.number().nullish(),
  })
  .refine((page) => Array.isArray(page.items) || Array.isArray(page.members), { message: "neither items nor members" });

export function entitlementsOf(page: z.infer<typeof EntitlementPage>): z.infer<typeof UserEntitlement>[] {
  return page.items ?? page.members ?? [];
}

const PropertyValue = z.object({ $value: z.unknown() }).partial();
export const Identity = z.object({
  id: z.string(),
  /** Identity descriptor (`Type;identifier`), what another identity's memberOf lists. */
  descriptor: z.string().optional(),
  /** The Graph subject descriptor (`aad.…`), what Graph lists subjects by. */
  subjectDescriptor: z.string().optional(),
  providerDisplayName: z.string().nullish(),
  isContainer: z.boolean().optional(),
  isActive: z.boolean().optional(),
  memberOf: z.array(z.string()).optional(),
  /** Storage keys of a group's members: direct ones, or at every depth with queryMembership=ExpandedDown. */
  memberIds: z.array(z.string()).optional(),
  /**
   * The properties the directory reads, each a `{ $type, $value }`; the others are left unread
   * (a first sync looks up 20,000 identities: checking every property took 40 ms, these 15).
   */
  properties: z.object({ Mail: PropertyValue, Account: PropertyValue, Domain: PropertyValue }).partial().optional(),
});
export type Identity = z.infer<typeof Identity>;
export const IdentityList = z.object({ value: z.array(Identity.nullable()) });

export const ConnectionData = z.object({
  authenticatedUser: z.object({ id: z.string(), providerDisplayName: z.string().optional() }),
  instanceId: z.string(),
});

export function identityProperty(identity: Identity, name: keyof NonNullable<Identity["properties"]>): string {
  const value = identity.properties?.[name]?.$value;
  return typeof value === "string" ? value : "";
}
