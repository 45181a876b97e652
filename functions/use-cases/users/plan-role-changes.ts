import type { MemberRecord } from "../../domain/member";
import {
  directChangeRefusal,
  ownRoleChangeRefusal,
  sameParts,
  seatRole,
  withRuleGrant,
} from "../../domain/role-sources";
import { netSeatsNeeded } from "../../domain/seats";
import type { MemberWrite } from "../../ports/member-roster";
import type { DirectoryUser } from "../../ports/org-directory";
import type { ChunkPlan } from "./commit-chunk";
import type { RoleChangeContext, RoleChangeInput, RoleChangeOutcome } from "./role-change";
import type { UsersDeps } from "./users-deps";

const NOT_IN_ORG = "This user is not a user of this Azure DevOps organization.";

/** What a role change would do, decided on the members as read now; nothing is written. */
export interface RoleChangePlan {
  /** Entries whose role parts change: the member write and the move of their counted seat role. */
  planned: ChunkPlan[];
  /** Entries decided without a write: unchanged, not a user of the org, or refused (with why). */
  decided: RoleChangeOutcome[];
}

/**
 * Plans a role change without writing: reads the members (with their etags), looks up users
 * Timetracker has no record of, refuses what may not change (None for a rule-licensed
 * member) and works out each member's new parts and seat move. The write
 * (apply-role-changes) and its preview (preview-role-changes) both start here, so what the
 * preview says is what the write would do on the same store.
 */
export async function planRoleChanges(
  deps: UsersDeps,
  ctx: RoleChangeContext,
  inputs: readonly RoleChangeInput[],
): Promise<RoleChangePlan> {
  const current = await deps.roster.readMany(
    ctx.org.id,
    inputs.map((i) => i.userId),
  );
  const unknown = inputs.filter((i) => !current.has(i.userId) && !i.profile).map((i) => i.userId);
  const found = unknown.length > 0 && ctx.lookUp ? await ctx.lookUp(unknown) : new Map<string, DirectoryUser>();
  const now = deps.now().toISOString();
  const planned: ChunkPlan[] = [];
  const decided: RoleChangeOutcome[] = [];
  for (const input of inputs) {
    const existing = current.get(input.userId);
    if (existing && ctx.createOnly) {
      decided.push(unchanged(existing.value));
      continue;
    }
    if (!existing && "rule" in input && input.grant === null) {
      // Nothing to take away from someone Timetracker has no record of.
      decided.push({
        userId: input.userId,
        ok: true,
        displayName: "",
        email: "",
        from: null,
        to: "None",
        changed: false,
      });
      continue;
    }
    const profile = input.profile ?? found.get(input.userId);
    const base = existing?.value ?? (profile ? newMember(ctx.org.id, input.userId, profile) : null);
    if (!base) {
      decided.push({ userId: input.userId, ok: false, message: NOT_IN_ORG });
      continue;
    }
    const refusal =
      "rule" in input
        ? null
        : (directChangeRefusal(base, input.role, base.displayName) ??
          (input.userId === ctx.managesThroughRole
            ? ownRoleChangeRefusal(base, input.role, ctx.org.defaultRole)
            : null));
    if (refusal) {
      decided.push({ userId: input.userId, ok: false, message: refusal });
      continue;
    }
    const parts =
      "rule" in input ? withRuleGrant(base, input.rule, input.grant) : { direct: input.role, grants: base.grants };
    if (existing && sameParts(existing.value, parts)) {
      decided.push(unchanged(existing.value));
      continue;
    }
    const role = seatRole(parts);
    const descriptor = base.descriptor ?? profile?.descriptor;
    const member: MemberRecord = {
      ...base,
      ...parts,
      role,
      ...(descriptor ? { descriptor } : {}),
      updatedAt: now,
      updatedBy: ctx.actor.id,
    };
    const write: MemberWrite = existing ? { kind: "replace", member, etag: existing.etag } : { kind: "create", member };
    planned.push({ userId: input.userId, move: { from: existing?.value.role ?? null, to: role }, write });
  }
  return { planned, decided };
}

function unchanged(member: MemberRecord): RoleChangeOutcome {
  const { userId, displayName, email, role } = member;
  return { userId, ok: true, displayName, email, from: role, to: role, changed: false };
}

function newMember(orgId: string, userId: string, profile: DirectoryUser): MemberRecord {
  return {
    orgId,
    userId,
    role: "None",
    direct: "None",
    grants: [],
    displayName: profile.displayName,
    email: profile.email,
    uniqueName: profile.uniqueName,
    updatedAt: "",
    updatedBy: "",
  };
}

/** Seats a planned change needs, net (a swap at full capacity needs none): what the whole-request check counts. */
export function seatsNeededBy(planned: readonly ChunkPlan[], defaultCounted: boolean): number {
  return netSeatsNeeded(
    planned.map((p) => p.move),
    defaultCounted,
  );
}
