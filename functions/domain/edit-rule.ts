import { can, isLicensed, type Role } from "./roles";

/**
 * Who may change or delete a worklog (docs/architecture.md, "Where each business rule lives"; 7pace "User roles general information"):
 * - the owner, always;
 * - the creator of a worklog added on the owner's behalf, until the owner edits it, as long as
 *   the creator may still add time for others;
 * - anyone whose role is selected under Settings › Rules › "Editing Time".
 * Pure; the backend enforces it and the UI only mirrors the answer.
 */
export interface EditRuleWorklog {
  userId: string;
  createdBy: string;
  ownerHasEdited: boolean;
}

export interface EditRuleEditor {
  userId: string;
  role: Role;
}

export type EditDecision =
  | { allowed: true; reason: "owner" | "creator" | "editing-time-role" }
  | { allowed: false; reason: "no-access" | "owner-has-edited" | "creator-lost-right" | "not-yours"; message: string };

export function decideEdit(
  worklog: EditRuleWorklog,
  editor: EditRuleEditor,
  editingTimeRoles: readonly Role[],
): EditDecision {
  if (!isLicensed(editor.role)) {
    return {
      allowed: false,
      reason: "no-access",
      message: "You don't have access to Timetracker, so you cannot change time.",
    };
  }
  if (editor.userId === worklog.userId) return { allowed: true, reason: "owner" };
  if (editingTimeRoles.includes(editor.role)) return { allowed: true, reason: "editing-time-role" };
  if (editor.userId === worklog.createdBy) {
    if (worklog.ownerHasEdited) {
      return {
        allowed: false,
        reason: "owner-has-edited",
        message: "The owner has changed this worklog since you added it, so only they can change it now.",
      };
    }
    if (!can(editor.role, "addTimeForOthers")) {
      return {
        allowed: false,
        reason: "creator-lost-right",
        message: "Your role no longer allows adding or changing time for other users.",
      };
    }
    return { allowed: true, reason: "creator" };
  }
  return {
    allowed: false,
    reason: "not-yours",
    message:
      'This is another user\'s time; only its owner, the person who added it, or a role selected under Settings › Rules › "Editing Time" can change it.',
  };
}

/** Whether a viewer sees other users' individual entries (Product and above, or an "Editing Time" role). */
export function seesOthersEntries(viewer: EditRuleEditor, editingTimeRoles: readonly Role[]): boolean {
  return isLicensed(viewer.role) && (can(viewer.role, "viewAllWorklogs") || editingTimeRoles.includes(viewer.role));
}

/** Whether a viewer sees this owner's individual entries (Team members see others only as totals). */
export function canSeeEntriesOf(viewer: EditRuleEditor, ownerId: string, editingTimeRoles: readonly Role[]): boolean {
  if (!isLicensed(viewer.role)) return false;
  return viewer.userId === ownerId || seesOthersEntries(viewer, editingTimeRoles);
}

/** Whether a viewer may read one worklog (its owner, its creator, or someone who sees all entries). */
export function canReadWorklog(
  worklog: EditRuleWorklog,
  viewer: EditRuleEditor,
  editingTimeRoles: readonly Role[],
): boolean {
  if (!isLicensed(viewer.role)) return false;
  return viewer.userId === worklog.createdBy || canSeeEntriesOf(viewer, worklog.userId, editingTimeRoles);
}
