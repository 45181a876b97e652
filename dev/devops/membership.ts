import { StateError } from "./errors";

/**
 * Direct group memberships by descriptor, indexed both ways so that "members of a group"
 * (Graph direction=down) and "groups of a subject" (direction=up) are both cheap.
 */
export class MembershipGraph {
  private readonly down = new Map<string, Set<string>>();
  private readonly up = new Map<string, Set<string>>();

  /** Whether `member` going into `container` would make a group a member of itself. */
  wouldCycle(container: string, member: string): boolean {
    return container === member || this.expandedMembers(member).has(container);
  }

  add(container: string, member: string): boolean {
    if (this.wouldCycle(container, member)) {
      // Azure DevOps refuses membership cycles too.
      throw new StateError("Validation", "A group cannot be a member of itself, directly or through other groups.");
    }
    const members = this.setOf(this.down, container);
    if (members.has(member)) return false;
    members.add(member);
    this.setOf(this.up, member).add(container);
    return true;
  }

  remove(container: string, member: string): boolean {
    const removed = this.down.get(container)?.delete(member) ?? false;
    this.up.get(member)?.delete(container);
    return removed;
  }

  /** Drops a subject from every group it is in and empties it if it is a group. */
  removeSubject(descriptor: string): void {
    for (const container of this.directContainers(descriptor)) this.remove(container, descriptor);
    for (const member of this.directMembers(descriptor)) this.remove(descriptor, member);
  }

  directMembers(container: string): string[] {
    return [...(this.down.get(container) ?? [])];
  }

  directContainers(member: string): string[] {
    return [...(this.up.get(member) ?? [])];
  }

  expandedMembers(container: string): Set<string> {
    return this.closure(this.down, container);
  }

  expandedContainers(member: string): Set<string> {
    return this.closure(this.up, member);
  }

  private closure(edges: Map<string, Set<string>>, start: string): Set<string> {
    // Without copies of the edge sets: a bench expands groups of 20,000 on every sync.
    const seen = new Set<string>();
    const groups = [start];
    while (groups.length > 0) {
      const members = edges.get(groups.pop()!);
      if (!members) continue;
      for (const member of members) {
        if (seen.has(member)) continue;
        seen.add(member);
        if (edges.has(member)) groups.push(member);
      }
    }
    return seen;
  }

  private setOf(map: Map<string, Set<string>>, key: string): Set<string> {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    return set;
  }
}
