import { randomBytes } from "node:crypto";
import { StateError } from "./errors";
import { OrgState } from "./org-state";
import type { UserRecord } from "./records";
import type { SeedOrg } from "./seed-types";

export interface PageSizes {
  /** Graph users per page (Azure DevOps: 500). */
  graphUsers: number;
  /** User entitlements per page (Azure DevOps: 100). */
  entitlements: number;
}

export interface PatRecord {
  orgId: string;
  userId: string;
}

/** Everything the stand-in knows; tests hold it and mutate it between requests. */
export class DevopsState {
  readonly pageSizes: PageSizes = { graphUsers: 500, entitlements: 100 };
  /** REST requests answered (dev endpoints not counted): benchmarks count what a call costs Azure DevOps. */
  restRequests = 0;
  /** An outage tests start mid-call: matching REST requests after the first `after` answer `status` (dev endpoints keep working). */
  private outage: { after: number; status: number; matching: RegExp } | null = null;
  private readonly orgs = new Map<string, OrgState>();
  private readonly pats = new Map<string, PatRecord>();

  constructor(seed: readonly SeedOrg[]) {
    for (const org of seed) this.orgs.set(org.name.toLowerCase(), OrgState.fromSeed(org));
  }

  /**
   * After the next `after` REST requests whose path matches `matching` (all by default), every
   * matching request fails with `status` until `endOutage`.
   */
  failRequestsAfter(after: number, status = 503, matching = /./): void {
    this.outage = { after, status, matching };
  }

  endOutage(): void {
    this.outage = null;
  }

  /** The status the outage answers this request with, or null (counts the request). */
  outageStatus(path: string): number | null {
    if (!this.outage || !this.outage.matching.test(path)) return null;
    if (this.outage.after > 0) {
      this.outage.after--;
      return null;
    }
    return this.outage.status;
  }

  orgNames(): string[] {
    return [...this.orgs.values()].map((o) => o.name);
  }

  findOrg(name: string): OrgState | undefined {
    return this.orgs.get(name.toLowerCase());
  }

  org(name: string): OrgState {
    const org = this.findOrg(name);
    if (!org)
      throw new StateError("NotFound", `No organization '${name}'; the stand-in has ${this.orgNames().join(", ")}.`);
    return org;
  }

  /** A personal access token for a user of an org; sent as Basic auth with any user name. */
  createPat(orgName: string, userRef: string): string {
    const org = this.org(orgName);
    const user = org.user(userRef);
    // 52 lowercase base32 characters, the classic Azure DevOps PAT format.
    const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    const token = [...randomBytes(52)].map((b) => alphabet[b % 32]).join("");
    this.pats.set(token, { orgId: org.id, userId: user.id });
    return token;
  }

  revokePat(token: string): boolean {
    return this.pats.delete(token);
  }

  /** The user a PAT belongs to, if it is valid for this org. */
  userOfPat(org: OrgState, token: string): UserRecord | undefined {
    const pat = this.pats.get(token);
    return pat && pat.orgId === org.id ? org.findUser(pat.userId) : undefined;
  }
}
