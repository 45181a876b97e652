import * as React from "react";
import { Dropdown } from "azure-devops-ui/Dropdown";
import { DropdownSelection } from "azure-devops-ui/Utilities/DropdownSelection";
import { ROLES } from "../../functions/contracts/roles";
import type { Role } from "../services/users-service";

export interface DefaultRoleDropdownProps {
  value: Role;
  disabled: boolean;
  onChange: (role: Role) => void;
}

/** "Default Role": the role new users get; everyone on Default follows a change at once. */
export function DefaultRoleDropdown(props: DefaultRoleDropdownProps): JSX.Element {
  const selection = React.useMemo(() => new DropdownSelection(), []);
  React.useEffect(() => selection.select(ROLES.indexOf(props.value)), [props.value, selection]);
  return (
    <div className="flex-row flex-center rhythm-horizontal-8">
      <label id="default-role-label" className="font-weight-semibold">
        Default Role
      </label>
      <Dropdown
        ariaLabel={`Default Role: ${props.value}`}
        className="default-role-dropdown"
        disabled={props.disabled}
        items={ROLES.map((role) => ({ id: role, text: role }))}
        selection={selection}
        onSelect={(_, item) => {
          if (item.id !== props.value) props.onChange(item.id as Role);
        }}
      />
    </div>
  );
}
