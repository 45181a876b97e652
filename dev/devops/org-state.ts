import { deploymentIdFor } from "./ids";
import { MembershipGraph } from "./membership";
import { StateError } from "./errors";
import type { GroupRecord, ProjectRecord, SubjectRecord, UserRecord, WorkItemRecord } from "./records";
import type { AccessLevel, SeedOrg } from "./seed-types";
import { makeGroup, makeUser, type GroupContext, type NewGroup, type NewUser } from "./subject-factory";
import { workItemsFromSeed } from "./work-items-from-seed";

/** One organization: its users, groups, memberships, projects and work items. */
export class OrgState {
  readonly users: UserRecord[] = [];
  readonly groups: GroupRecord[] = [];
  readonly memberships = new MembershipGraph();
  readonly workItems = new Map<number, WorkItemRecord>();
  readonly deploymentId: string;
  /**
   * "server" plays an Azure DevOps Server collection: connectionData says onPremises and the
   * Services-only areas (Graph, Member Entitlement Management) are not there.
   */
  deployment: "services" | "server" = "services";
  private readonly usersById = new Map<string, UserRecord>();
  private readonly usersByEmail = new Map<string, UserRecord>();
  private readonly subjects = new Map<string, SubjectRecord>();
  private syntheticCount = 0;

  private constructor(
    readonly id: string,
    readonly name: string,
    readonly tenantId: string,
    readonly emailDomain: string,
    readonly projects: ProjectRecord[],
  ) {
    this.deploymentId = deploymentIdFor(name);
  }

  static fromSeed(seed: SeedOrg): OrgState {
    const domain = seed.users[0]?.email.split("@")[1] ?? `${seed.name}.example`;
    const org = new OrgState(
      seed.id,
      seed.name,
      seed.tenantId,
      domain,
      seed.projects.map((p) => ({ ...p })),
    );
    for (const user of seed.users) org.addUser(user);
    for (const group of seed.groups) org.addGroup(group);
    for (const [i, group] of seed.groups.entries()) {
      const container = org.groups[i].descriptor;
      for (const email of group.userMembers) org.memberships.add(container, org.user(email).descriptor);
      for (const name of group.groupMembers) org.memberships.add(container, org.group(name).descriptor);
    }
    for (const item of workItemsFromSeed(seed.workItems, (email) => org.user(email).id))
      org.workItems.set(item.id, item);
    return org;
  }

  // ---- lookups -------------------------------------------------------------------------

  /** A user by storage key, email or descriptor. */
  findUser(ref: string): UserRecord | undefined {
    const byKey = this.usersById.get(ref.toLowerCase()) ?? this.usersByEmail.get(ref.toLowerCase());
    const subject = byKey ?? this.subjects.get(ref);
    return subject?.kind === "user" ? subject : undefined;
  }

  user(ref: string): UserRecord {
    const user = this.findUser(ref);
    if (!user) throw new StateError("NotFound", `No user '${ref}' in organization '${this.name}'.`);
    return user;
  }

  /** A group by descriptor, principal name (`[scope]\Name`) or display name when unique. */
  findGroup(ref: string): GroupRecord | undefined {
    const bySubject = this.subjects.get(ref);
    if (bySubject?.kind === "group") return bySubject;
    const key = ref.toLowerCase();
    const byPrincipal = this.groups.find((g) => g.principalName.toLowerCase() === key);
    if (byPrincipal) return byPrincipal;
    const byName = this.groups.filter((g) => g.displayName.toLowerCase() === key);
    if (byName.length > 1) {
      throw new StateError(
        "Validation",
        `'${ref}' names several groups; use one of: ${byName.map((g) => g.principalName).join(", ")}.`,
      );
    }
    return byName[0];
  }

  group(ref: string): GroupRecord {
    const group = this.findGroup(ref);
    if (!group) throw new StateError("NotFound", `No group '${ref}' in organization '${this.name}'.`);
    return group;
  }

  /** A user (id, email, descriptor) or else a group (descriptor, principal or unique display name). */
  findSubject(ref: string): SubjectRecord | undefined {
    return this.findUser(ref) ?? this.findGroup(ref);
  }

  subject(descriptor: string): SubjectRecord | undefined {
    return this.subjects.get(descriptor);
  }

  findProject(idOrName: string): ProjectRecord | undefined {
    const key = idOrName.toLowerCase();
    return this.projects.find((p) => p.id === key || p.name.toLowerCase() === key);
  }

  isPca(userId: string): boolean {
    const user = this.usersById.get(userId);
    const pcaGroup = this.groups.find((g) => g.isPcaGroup);
    return !!user && !!pcaGroup && this.memberships.expandedMembers(pcaGroup.descriptor).has(user.descriptor);
  }

  // ---- mutations (tests and the dev endpoints) ------------------------------------------

  addUser(input: NewUser): UserRecord {
    if (!/^[^@\s]+@[^@\s]+$/.test(input.email.trim()) || !input.displayName.trim()) {
      throw new StateError("Validation", "A user needs a display name and an email address.");
    }
    if (this.usersByEmail.has(input.email.trim().toLowerCase())) {
      throw new StateError("Conflict", `A user with email '${input.email}' already exists in '${this.name}'.`);
    }
    return this.insertUser(makeUser(this.id, input, new Date().toISOString()));
  }

  /** Adds `count` Basic users named "Synthetic User 000001"… (large-org tests). */
  addSyntheticUsers(count: number): UserRecord[] {
    if (!Number.isInteger(count) || count < 0 || count > 1_000_000) {
      throw new StateError("Validation", "count must be an integer between 0 and 1,000,000.");
    }
    const now = new Date().toISOString();
    const added: UserRecord[] = [];
    for (let i = 0; i < count; i++) {
      const n = String(++this.syntheticCount).padStart(6, "0");
      const email = `synthetic.user${n}@${this.emailDomain}`;
      if (this.usersByEmail.has(email)) continue;
      added.push(this.insertUser(makeUser(this.id, { displayName: `Synthetic User ${n}`, email }, now)));
    }
    return added;
  }

  /** Removes a user from the org and from every group (the user "left the company"). */
  removeUser(ref: string): UserRecord {
    const user = this.user(ref);
    this.users.splice(this.users.indexOf(user), 1);
    this.usersById.delete(user.id);
    this.usersByEmail.delete(user.email.toLowerCase());
    this.subjects.delete(user.descriptor);
    this.memberships.removeSubject(user.descriptor);
    return user;
  }

  setAccessLevel(ref: string, level: AccessLevel): void {
    this.user(ref).accessLevel = level;
  }

  addGroup(input: NewGroup): GroupRecord {
    if (input.scope.kind === "project" && !this.findProject(input.scope.project)) {
      throw new StateError("NotFound", `No project '${input.scope.project}' in organization '${this.name}'.`);
    }
    const group = makeGroup(this.groupContext(), input);
    if (this.subjects.has(group.descriptor))
      throw new StateError("Conflict", `Group '${group.principalName}' already exists.`);
    this.groups.push(group);
    this.subjects.set(group.descriptor, group);
    return group;
  }

  /**
   * `member` is a user (id, email, descriptor) or a group (descriptor, principal or display name).
   * False when it already was a direct member (nothing changed).
   */
  addGroupMember(groupRef: string, memberRef: string): boolean {
    const group = this.group(groupRef);
    const member = this.memberDescriptor(memberRef);
    if (this.memberships.wouldCycle(group.descriptor, member)) {
      // Only a group can close a cycle: a user contains nobody.
      const subject = this.subjects.get(member);
      const name = subject?.kind === "group" ? subject.principalName : member;
      throw new StateError(
        "Validation",
        member === group.descriptor
          ? `'${group.principalName}' cannot be a member of itself.`
          : `Adding '${name}' to '${group.principalName}' would make a group a member of itself: '${name}' already contains '${group.principalName}', directly or through other groups.`,
      );
    }
    return this.memberships.add(group.descriptor, member);
  }

  /** False when `member` was not a direct member (nothing changed). */
  removeGroupMember(groupRef: string, memberRef: string): boolean {
    return this.memberships.remove(this.group(groupRef).descriptor, this.memberDescriptor(memberRef));
  }

  /** Makes a user a direct PCA or removes their direct PCA membership. */
  setPca(userRef: string, isPca: boolean): void {
    const pcaGroup = this.groups.find((g) => g.isPcaGroup);
    if (!pcaGroup) throw new StateError("NotFound", `Organization '${this.name}' has no administrators group.`);
    const descriptor = this.user(userRef).descriptor;
    if (isPca) this.memberships.add(pcaGroup.descriptor, descriptor);
    else this.memberships.remove(pcaGroup.descriptor, descriptor);
  }

  private insertUser(user: UserRecord): UserRecord {
    this.users.push(user);
    this.usersById.set(user.id, user);
    this.usersByEmail.set(user.email.toLowerCase(), user);
    this.subjects.set(user.descriptor, user);
    return user;
  }

  private memberDescriptor(ref: string): string {
    const subject = this.findSubject(ref);
    if (!subject) throw new StateError("NotFound", `No user or group '${ref}' in organization '${this.name}'.`);
    return subject.descriptor;
  }

  private groupContext(): GroupContext {
    return {
      orgId: this.id,
      orgName: this.name,
      tenantId: this.tenantId,
      emailDomain: this.emailDomain,
      projectId: (name) => this.findProject(name)!.id,
    };
  }
}
