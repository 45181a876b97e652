import { ValidationError } from "../../domain/errors";
import { MAX_RULE_GROUP_MEMBERS } from "../../domain/group-rule";
import { mapLimited } from "../../domain/map-limited";

/** Groups one expansion may open, and users it may return: bounds the cost of a huge group. */
export const MAX_GROUPS_EXPANDED = 500;
export const MAX_GROUP_USERS = MAX_RULE_GROUP_MEMBERS;
const PARALLEL = 6;

/** What a descriptor names: a group to open, or a user (as the lookup describes them). */
export type Resolved<U> = { kind: "group" } | { kind: "user"; user: U };

export interface GroupGraph<U> {
  /** Direct member descriptors of a group (Graph memberships, direction=down). */
  directMembers(groupDescriptor: string): Promise<string[]>;
  /**
   * Subjects by descriptor: groups to open and the users a rule may license; unknown users and
   * other subjects (service identities) are absent. Throws when a group cannot be described.
   */
  lookup(descriptors: string[]): Promise<Map<string, Resolved<U>>>;
}

export interface Expansion<U> {
  /** Users looked up now. */
  users: U[];
  /** Descriptors of users the caller already knew (not looked up again). */
  knownUsers: string[];
}

/**
 * Every user in a group now, nested groups expanded level by level. Each group is opened
 * once, so membership cycles (which Azure DevOps refuses, but Entra sync can produce) end.
 * Descriptors `isKnownUser` accepts are users the caller knows already: a sync that read the
 * group before looks up only who is new, so a 1% change costs a few requests, not thousands.
 */
export async function expandGroup<U>(
  graph: GroupGraph<U>,
  root: string,
  isKnownUser: (descriptor: string) => boolean = () => false,
): Promise<Expansion<U>> {
  const opened = new Set<string>([root]);
  const users = new Map<string, U>();
  const knownUsers = new Set<string>();
  let level = [root];
  while (level.length > 0) {
    const memberLists = await mapLimited(level, PARALLEL, (group) => graph.directMembers(group));
    const unseen = [...new Set(memberLists.flat())].filter(
      (d) => !opened.has(d) && !users.has(d) && !knownUsers.has(d),
    );
    for (const d of unseen) if (isKnownUser(d)) knownUsers.add(d);
    const fresh = unseen.filter((d) => !knownUsers.has(d));
    const subjects = await graph.lookup(fresh);
    const next: string[] = [];
    for (const descriptor of fresh) {
      const subject = subjects.get(descriptor);
      if (subject?.kind === "group") {
        opened.add(descriptor);
        next.push(descriptor);
      } else if (subject?.kind === "user") {
        users.set(descriptor, subject.user);
      }
    }
    if (opened.size > MAX_GROUPS_EXPANDED || users.size + knownUsers.size > MAX_GROUP_USERS) {
      throw new ValidationError(
        `This group is too large to expand here (more than ${MAX_GROUPS_EXPANDED} nested groups or ${MAX_GROUP_USERS.toLocaleString("en")} users). Pick a smaller group.`,
      );
    }
    level = next;
  }
  return { users: [...users.values()], knownUsers: [...knownUsers] };
}
