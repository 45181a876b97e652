import type { z } from "zod";
import { chunk } from "../../domain/chunk";
import { NotFoundError, UpstreamError, ValidationError } from "../../domain/errors";
import { MAX_RULE_GROUP_MEMBERS } from "../../domain/group-rule";
import type {
  DirectoryCredential,
  DirectoryGroup,
  DirectoryUser,
  GroupUsers,
  KnownUsers,
  OrgDirectory,
  UserPage,
} from "../../ports/org-directory";
import { DevopsClient, type DevopsSession } from "./devops-http";
import type { DevopsOptions } from "./devops-options";
import { devopsBaseUrl, type DevopsService } from "./devops-urls";
import {
  ConnectionData,
  EntitlementPage,
  GraphSubject,
  IdentityList,
  SubjectList,
  entitlementsOf,
  identityProperty,
  type Identity,
} from "./directory-shapes";
import { mapLimited } from "../../domain/map-limited";

/**
 * api-versions as the 7.1 specifications list them: Graph's subject query and groups are
 * still previews in 7.1 (graph.json, api-Version-preview.1); Identities and
 * User Entitlements are released 7.1 (identities.json, memberEntitlementManagement.json).
 */
const GRAPH_VERSION = "api-version=7.1-preview.1";
const RELEASED_VERSION = "7.1";
/** Identities and subjects resolved per request (URL length stays well under limits). */
const BATCH = 50;
/**
 * The people a group rule licenses: Entra (`aad.`) and Microsoft account (`msa.`) users.
 * Groups also hold build and service identities (`svc.`, `acs.`: Graph lists them as users in
 * Microsoft's recorded GetAllUsers) and service principals (`aadsp.`); none of them opens
 * Timetracker, so none takes a seat.
 */
const PERSON_DESCRIPTOR = /^(aad|msa)\./i;
const UPPER_CASE = /[A-Z]/;
/** Nested groups a group may hold beside its users (they are in its expanded memberIds too). */
const MAX_NESTED_GROUPS = 500;
/**
 * The collection's administrators group, by the name Azure DevOps gives it in every collection.
 * Its SID (`...-0-0-0-0-1`) is no proof: a project's `[Project]\Project Administrators` SID ends
 * the same way under the project's numbers (Microsoft's recorded Graph groups show both).
 */
const PCA_GROUP_NAME = "Project Collection Administrators";
/** A collection-level identity's Domain; a project's groups have `vstfs:///Classification/TeamProject/<id>`. */
const COLLECTION_DOMAIN = /^vstfs:\/\/\/Framework\/IdentityDomain\//i;

/**
 * Graph, Identities and Entitlements go through azure-devops-node-api's `rest` client: the
 * package has no typed client for these areas (no GraphApi, IdentitiesApi or
 * MemberEntitlementManagementApi, only their interfaces), so WebApi's RestClient sends them
 * with its auth handlers; the answers are checked against the documented shapes here.
 */
async function read<S extends z.ZodType>(
  schema: S,
  session: DevopsSession,
  base: string,
  path: string,
  body?: unknown,
): Promise<z.infer<S>> {
  const raw = body === undefined ? await session.getJson(base, path) : await session.postJson(base, path, body);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UpstreamError(`Azure DevOps answered ${path.split("?")[0]} in an unexpected format.`);
  return parsed.data;
}

/** User management's view of Azure DevOps: entitlements, Graph groups, identities. */
export class DevopsOrgDirectory implements OrgDirectory {
  private readonly http: DevopsClient;

  constructor(private readonly options: DevopsOptions) {
    this.http = new DevopsClient(options);
  }

  private base(service: DevopsService, orgName: string): string {
    return devopsBaseUrl(this.options, service, orgName);
  }

  async listUsers(
    orgName: string,
    credential: DirectoryCredential,
    options: { search: string; continuation: string | null },
  ): Promise<UserPage> {
    // User Entitlements_Search User Entitlements (memberEntitlementManagement 7.1): `$filter`
    // "name eq 'x'" matches display name or e-mail containing x; the next page is asked for
    // with the `continuationToken` the previous page answered.
    const params = new URLSearchParams({ "api-version": RELEASED_VERSION });
    if (options.search) params.set("$filter", `name eq '${options.search.replace(/'/g, "''")}'`);
    if (options.continuation) params.set("continuationToken", options.continuation);
    const page = await this.http.session(credential, (s) =>
      read(EntitlementPage, s, this.base("vsaex", orgName), `/_apis/userentitlements?${params}`),
    );
    const users = entitlementsOf(page).map((m): DirectoryUser => {
      const email = m.user.mailAddress ?? m.user.principalName ?? "";
      return {
        id: m.id.toLowerCase(),
        displayName: m.user.displayName ?? email,
        email,
        uniqueName: m.user.principalName ?? email,
      };
    });
    return { users, continuation: page.continuationToken ?? null };
  }

  async searchGroups(orgName: string, credential: DirectoryCredential, prefix: string): Promise<DirectoryGroup[]> {
    const data = await this.http.session(credential, (s) =>
      read(SubjectList, s, this.base("vssps", orgName), `/_apis/graph/subjectquery?${GRAPH_VERSION}`, {
        query: prefix,
        subjectKind: ["Group"],
      }),
    );
    return data.value.filter((s) => s.subjectKind.toLowerCase() === "group").map(toGroup);
  }

  async group(orgName: string, credential: DirectoryCredential, descriptor: string): Promise<DirectoryGroup | null> {
    try {
      const subject = await this.http.session(credential, (s) =>
        read(
          GraphSubject,
          s,
          this.base("vssps", orgName),
          `/_apis/graph/groups/${encodeURIComponent(descriptor)}?${GRAPH_VERSION}`,
        ),
      );
      if (subject.subjectKind.toLowerCase() !== "group") return null;
      return toGroup(subject);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  async groupMembers(
    orgName: string,
    credential: DirectoryCredential,
    groupDescriptor: string,
    knownUsers: KnownUsers = new Map(),
  ): Promise<GroupUsers> {
    const vssps = this.base("vssps", orgName);
    // One session: one throttling budget and kept-alive connections for the read and its lookups.
    return this.http.session(credential, async (session) => {
      // Identities_Read Identities (identities.json 7.1) with queryMembership=ExpandedDown:
      // Azure DevOps expands the nested groups itself and answers every member's storage key
      // (`memberIds`, groups included) in one response, some 40 bytes a member, where Graph's
      // memberships answer 900 bytes a membership and one request per nested group.
      const params = new URLSearchParams({
        subjectDescriptors: groupDescriptor,
        queryMembership: "ExpandedDown",
        "api-version": RELEASED_VERSION,
      });
      const [group] = (await read(IdentityList, session, vssps, `/_apis/identities?${params}`)).value;
      if (!group?.isContainer || group.isActive === false)
        throw new NotFoundError(`Azure DevOps has no group ${groupDescriptor}.`);
      // Azure DevOps answers memberIds on every identity (empty when it has none, as recorded):
      // an answer without them is not an empty group, and taken as one it would remove everybody.
      if (!group.memberIds)
        throw new UpstreamError(
          "Azure DevOps answered the group without its members, so it cannot be read completely.",
        );
      const known = await knownUsers;
      // One map answers each user once, however often Azure DevOps listed them: a sync
      // passes every member of a large group through this loop, so it makes no other copy.
      const users = new Map<string, DirectoryUser>();
      const unknown = new Set<string>();
      for (const listed of group.memberIds) {
        // Ids compare lower-case; one already lower-case (as Azure DevOps answers them) is not copied.
        const id = UPPER_CASE.test(listed) ? listed.toLowerCase() : listed;
        const user = known.get(id);
        if (user) users.set(id, user);
        else unknown.add(id);
      }
      if (users.size + unknown.size > MAX_RULE_GROUP_MEMBERS + MAX_NESTED_GROUPS) throw groupTooLarge();
      // Only who is new (and the nested groups, which the lookup names as groups) is looked up.
      for (const identity of await this.identities(session, vssps, "identityIds", [...unknown]))
        if (!identity.isContainer && PERSON_DESCRIPTOR.test(identity.subjectDescriptor ?? "")) {
          const user = toUser(identity);
          users.set(user.id, user);
        }
      if (users.size > MAX_RULE_GROUP_MEMBERS) throw groupTooLarge();
      return users;
    });
  }

  async usersByIds(
    orgName: string,
    credential: DirectoryCredential,
    ids: readonly string[],
  ): Promise<Map<string, DirectoryUser>> {
    const identities = await this.http.session(credential, (s) =>
      this.identities(s, this.base("vssps", orgName), "identityIds", [...ids]),
    );
    return new Map(identities.filter((i) => !i.isContainer).map((i) => [i.id.toLowerCase(), toUser(i)]));
  }

  async userByEmail(orgName: string, credential: DirectoryCredential, email: string): Promise<DirectoryUser | null> {
    const params = new URLSearchParams({
      searchFilter: "MailAddress",
      filterValue: email,
      "api-version": RELEASED_VERSION,
    });
    const data = await this.http.session(credential, (s) =>
      read(IdentityList, s, this.base("vssps", orgName), `/_apis/identities?${params}`),
    );
    const user = data.value.find((i): i is Identity => !!i && !i.isContainer);
    return user ? toUser(user) : null;
  }

  async isCollectionAdmin(orgName: string, credential: DirectoryCredential, userId: string): Promise<boolean> {
    const vssps = this.base("vssps", orgName);
    const params = new URLSearchParams({
      identityIds: userId,
      queryMembership: "ExpandedUp",
      "api-version": RELEASED_VERSION,
    });
    const [pcaGroup, data] = await this.http.session(credential, (s) =>
      Promise.all([
        this.collectionAdminsGroup(s, vssps, orgName),
        read(IdentityList, s, vssps, `/_apis/identities?${params}`),
      ]),
    );
    if (!pcaGroup) return false; // fail closed: without the group, nobody is taken for its member
    const identity = data.value.find((i): i is Identity => !!i && i.id.toLowerCase() === userId.toLowerCase());
    return !!identity?.memberOf?.some((d) => d.toLowerCase() === pcaGroup);
  }

  /**
   * The identity descriptor (lower case) of the org's `[<org>]\Project Collection Administrators`,
   * or null when the search finds none. Matched by its exact name and a collection-level Domain:
   * a project named like the org could hold a group of that name, under the project's Domain.
   */
  private async collectionAdminsGroup(session: DevopsSession, vssps: string, orgName: string): Promise<string | null> {
    const name = `[${orgName}]\\${PCA_GROUP_NAME}`;
    // Identities_Read Identities (identities.json 7.1): General matches a group's `[scope]\Name`.
    const params = new URLSearchParams({
      searchFilter: "General",
      filterValue: name,
      queryMembership: "None",
      "api-version": RELEASED_VERSION,
    });
    let found: (Identity | null)[];
    try {
      found = (await read(IdentityList, session, vssps, `/_apis/identities?${params}`)).value;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
    const groups = found.filter(
      (i): i is Identity =>
        !!i &&
        i.isContainer === true &&
        i.providerDisplayName?.toLowerCase() === name.toLowerCase() &&
        COLLECTION_DOMAIN.test(identityProperty(i, "Domain")),
    );
    if (groups.length === 0) return null;
    // One collection holds one group of that name; two, or one without a descriptor, is not an answer to trust.
    if (groups.length > 1 || !groups[0].descriptor) {
      throw new UpstreamError(`Azure DevOps answered the search for ${name} in an unexpected format.`);
    }
    return groups[0].descriptor.toLowerCase();
  }

  async whoAmI(
    orgName: string,
    credential: DirectoryCredential,
  ): Promise<{ userId: string; displayName: string; orgId: string }> {
    // connectionData is not in the published specifications (the Location area is not), so it
    // goes through WebApi.connect(), the client's own call for it.
    const raw = await this.http.session(credential, (s) => {
      const webApi = s.webApi(this.base("core", orgName));
      return s.send(() => webApi.connect());
    });
    const parsed = ConnectionData.safeParse(raw);
    if (!parsed.success) throw new UpstreamError("Azure DevOps answered connectionData in an unexpected format.");
    const data = parsed.data;
    return {
      userId: data.authenticatedUser.id.toLowerCase(),
      displayName: data.authenticatedUser.providerDisplayName ?? "",
      orgId: data.instanceId.toLowerCase(),
    };
  }

  /** Active identities by storage key or subject descriptor, batched. */
  private async identities(
    session: DevopsSession,
    vssps: string,
    key: "identityIds" | "subjectDescriptors",
    values: string[],
  ): Promise<Identity[]> {
    const pages = await mapLimited(chunk(values, BATCH), 4, async (batch) => {
      const params = new URLSearchParams({ [key]: batch.join(","), "api-version": RELEASED_VERSION });
      try {
        return (await read(IdentityList, session, vssps, `/_apis/identities?${params}`)).value;
      } catch (error) {
        if (error instanceof NotFoundError) return []; // none of them exists
        throw error;
      }
    });
    return pages.flat().filter((i): i is Identity => i !== null && i.isActive !== false);
  }
}

function groupTooLarge(): Error {
  return new ValidationError(
    `This group is too large for a group rule (more than ${MAX_RULE_GROUP_MEMBERS.toLocaleString("en")} users). Pick a smaller group.`,
  );
}

function toGroup(s: GraphSubject): DirectoryGroup {
  return {
    descriptor: s.descriptor,
    displayName: s.displayName ?? s.principalName ?? s.descriptor,
    principalName: s.principalName ?? "",
    origin: s.origin ?? "",
    description: s.description ?? "",
  };
}

function toUser(identity: Identity): DirectoryUser {
  const email = identityProperty(identity, "Mail") || identityProperty(identity, "Account");
  return {
    id: identity.id.toLowerCase(),
    displayName: identity.providerDisplayName ?? email,
    email,
    uniqueName: identityProperty(identity, "Account") || email,
    ...(identity.subjectDescriptor ? { descriptor: identity.subjectDescriptor } : {}),
  };
}
