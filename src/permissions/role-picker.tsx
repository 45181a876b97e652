import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Card } from "azure-devops-ui/Card";
import type { AssignedRole, Role, RoleView } from "../services/users-service";
import { SeatImpactNote } from "./seat-impact-note";
import { usersText } from "./status-message";
import type { PreviewState } from "./use-role-preview";
import { ADDABLE_ROLES } from "../../functions/contracts/roles";

/** The roles one click assigns: every addable role, then None (which asks first). */
const PICKABLE: readonly AssignedRole[] = [...ADDABLE_ROLES, "None"];

export function roleName(role: AssignedRole, defaultRole: Role): string {
  return role === "Default" ? `Default (${defaultRole})` : role;
}

export interface RolePickerProps {
  /** The selected users' roles (or how many are selected when "Select all" covers unloaded users). */
  selected: RoleView[];
  selectedCount: number;
  /** "Select all" with more users than are loaded: the count is not known here. */
  allSelected?: boolean;
  defaultRole: Role;
  busy: boolean;
  onPick: (role: AssignedRole) => void;
  /** The role under the pointer or focus, and what giving it to the selection does to seats (the server's preview). */
  pointed: AssignedRole;
  onPoint: (role: AssignedRole) => void;
  impact: PreviewState;
  isPca: boolean;
}

/**
 * The right-hand panel: the selected user's current role, and the roles one click assigns
 * (at once, no Save button; None asks for confirmation first). Below them, what the role
 * under the pointer (or focus; None until then) does to seats, before it is clicked.
 */
export function RolePicker(props: RolePickerProps): JSX.Element {
  const { selectedCount } = props;
  const single = selectedCount === 1 ? props.selected[0] : undefined;
  const heading = props.allSelected
    ? "All licensed users selected"
    : selectedCount === 0
      ? "Select users to change their role."
      : single
        ? `Current role: ${single.label}`
        : `${usersText(selectedCount)} selected`;
  return (
    <Card className="role-picker" titleProps={{ text: "Role" }}>
      <div className="flex-column rhythm-vertical-8">
        <div className="secondary-text" aria-live="polite">
          {heading}
        </div>
        <div className="flex-column rhythm-vertical-4" role="group" aria-label="Assign role">
          {PICKABLE.map((role) => {
            const current = single?.assigned === role;
            return (
              <Button
                key={role}
                className="role-option"
                text={roleName(role, props.defaultRole)}
                primary={current}
                ariaPressed={current}
                disabled={props.busy || (selectedCount === 0 && !props.allSelected)}
                onClick={() => props.onPick(role)}
                onMouseOver={() => props.onPoint(role)}
                onFocus={() => props.onPoint(role)}
              />
            );
          })}
        </div>
        <SeatImpactNote state={props.impact} isPca={props.isPca} label={roleName(props.pointed, props.defaultRole)} />
      </div>
    </Card>
  );
}
