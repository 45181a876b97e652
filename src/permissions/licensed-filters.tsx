import * as React from "react";
import { Dropdown } from "azure-devops-ui/Dropdown";
import type { IListBoxItem } from "azure-devops-ui/ListBox";
import { DropdownSelection } from "azure-devops-ui/Utilities/DropdownSelection";
import { INACTIVE_DAY_CHOICES } from "../../functions/contracts/limits";
import type { LicensedFilter } from "../services/licensed-filter";

export interface LicensedFiltersProps {
  filter: LicensedFilter;
  /** The org's group rules (GET users/licensed/rules). */
  rules: { id: string; name: string }[];
  onChange: (filter: LicensedFilter) => void;
}

const ALL = "";

/** The Source and "No time tracked in" filters of the licensed list (keyboard: Tab, Enter, arrows). */
export function LicensedFilters(props: LicensedFiltersProps): JSX.Element {
  const { filter, rules, onChange } = props;
  const sourceItems = React.useMemo(() => {
    const items: IListBoxItem[] = [
      { id: ALL, text: "All sources" },
      { id: "direct", text: "Direct" },
      { id: "rules", text: "Any group rule" },
      ...rules.map((r) => ({ id: `rule:${r.id}`, text: `Rule: ${r.name}` })),
    ];
    // A link may name a rule that licenses nobody now: keep it choosable, and say so.
    if (filter.source && !items.some((i) => i.id === filter.source))
      items.push({ id: filter.source, text: "A rule that licenses no one now" });
    return items;
  }, [rules, filter.source]);
  const dayItems = React.useMemo<IListBoxItem[]>(
    () => [{ id: ALL, text: "Any time" }, ...INACTIVE_DAY_CHOICES.map((d) => ({ id: String(d), text: `${d} days` }))],
    [],
  );
  const sourceId = filter.source ?? ALL;
  const daysId = filter.inactiveDays === null ? ALL : String(filter.inactiveDays);
  return (
    <div className="flex-row flex-center licensed-filters">
      <FilterDropdown
        label="Source"
        items={sourceItems}
        value={sourceId}
        onSelect={(id) => onChange({ ...filter, source: id === ALL ? null : id })}
      />
      <FilterDropdown
        label="No time tracked in"
        items={dayItems}
        value={daysId}
        onSelect={(id) => onChange({ ...filter, inactiveDays: id === ALL ? null : Number(id) })}
      />
    </div>
  );
}

function FilterDropdown(props: {
  label: string;
  items: IListBoxItem[];
  value: string;
  onSelect: (id: string) => void;
}): JSX.Element {
  const { items, value } = props;
  const selection = React.useMemo(() => new DropdownSelection(), []);
  React.useEffect(() => {
    const index = items.findIndex((i) => i.id === value);
    if (index >= 0) selection.select(index);
  }, [items, value, selection]);
  const id = `licensed-filter-${props.label.toLowerCase().replace(/\W+/g, "-")}`;
  const current = items.find((i) => i.id === value)?.text ?? "";
  return (
    <div className="flex-row flex-center rhythm-horizontal-8">
      <label id={id} className="font-weight-semibold">
        {props.label}
      </label>
      <Dropdown
        ariaLabel={`${props.label}: ${current}`}
        className="licensed-filter-dropdown"
        items={items}
        selection={selection}
        onSelect={(_, item) => {
          if (item.id !== value) props.onSelect(item.id);
        }}
      />
    </div>
  );
}
