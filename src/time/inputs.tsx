import * as React from "react";
import { Dropdown } from "azure-devops-ui/Dropdown";
import { DropdownSelection } from "azure-devops-ui/Utilities/DropdownSelection";

/**
 * Native date and time inputs (keyboard and screen-reader friendly, the browser's own
 * picker) dressed as azure-devops-ui text fields so they follow the theme.
 */
export function NativeInput(props: {
  type: "date" | "time";
  label: string;
  value: string;
  onChange: (value: string) => void;
  id?: string;
  required?: boolean;
  max?: string;
}): JSX.Element {
  return (
    <div className="bolt-textfield flex-row flex-center">
      <input
        id={props.id}
        className="bolt-textfield-input flex-grow"
        type={props.type}
        aria-label={props.label}
        value={props.value}
        required={props.required}
        max={props.max}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

export interface Choice {
  id: string;
  text: string;
}

/** A single-choice dropdown whose value the parent controls. */
export function ChoiceDropdown(props: {
  label: string;
  choices: Choice[];
  value: string;
  onChange: (id: string) => void;
  disabled?: boolean;
  className?: string;
}): JSX.Element {
  const selection = React.useMemo(() => new DropdownSelection(), []);
  const { choices, value } = props;
  React.useEffect(() => {
    const index = choices.findIndex((c) => c.id === value);
    if (index >= 0) selection.select(index);
    else selection.clear();
  }, [choices, value, selection]);
  return (
    <Dropdown
      className={props.className}
      ariaLabel={props.label}
      items={choices}
      selection={selection}
      disabled={props.disabled}
      onSelect={(_, item) => props.onChange(item.id)}
    />
  );
}
