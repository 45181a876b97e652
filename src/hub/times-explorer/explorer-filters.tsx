import * as React from "react";
import { FormItem } from "azure-devops-ui/FormItem";
import { TextField } from "azure-devops-ui/TextField";
import type { ActivityTypeView, TimePerson } from "../../services/time-service";
import { ChoiceDropdown, NativeInput } from "../../time/inputs";

export interface ExplorerFilter {
  from: string;
  to: string;
  workItem: string;
  activityTypeId: string;
  /** "me", "all" or a user id. */
  person: string;
}

export const ALL = "all";
export const ME = "me";

export interface ExplorerFiltersProps {
  filter: ExplorerFilter;
  onChange: (filter: ExplorerFilter) => void;
  activityTypes: ActivityTypeView[];
  /** Only for roles that see everyone's time (Product and above). */
  people?: TimePerson[];
}

/** Date range, work item, activity and (Product and above) person. */
export function ExplorerFilters(props: ExplorerFiltersProps): JSX.Element {
  const { filter, onChange } = props;
  const set = (change: Partial<ExplorerFilter>) => onChange({ ...filter, ...change });
  const activities = [
    { id: ALL, text: "All activities" },
    ...props.activityTypes.map((a) => ({ id: a.id, text: a.archived ? `${a.name} (archived)` : a.name })),
  ];
  const people = props.people && [
    { id: ME, text: "Me" },
    { id: ALL, text: "Everyone" },
    ...props.people.map((p) => ({ id: p.userId, text: p.displayName })),
  ];
  return (
    <div className="tt-time-fields" role="group" aria-label="Filters">
      <FormItem label="From">
        <NativeInput type="date" label="From" value={filter.from} onChange={(from) => set({ from })} />
      </FormItem>
      <FormItem label="To">
        <NativeInput type="date" label="To" value={filter.to} onChange={(to) => set({ to })} />
      </FormItem>
      <FormItem label="Work item">
        <TextField
          ariaLabel="Work item"
          inputType="number"
          value={filter.workItem}
          onChange={(_, workItem) => set({ workItem })}
          placeholder="Any"
        />
      </FormItem>
      <FormItem label="Activity">
        <ChoiceDropdown
          label="Activity"
          choices={activities}
          value={filter.activityTypeId}
          onChange={(activityTypeId) => set({ activityTypeId })}
        />
      </FormItem>
      {people && (
        <FormItem label="Person">
          <ChoiceDropdown
            label="Person"
            choices={people}
            value={filter.person}
            onChange={(person) => set({ person })}
          />
        </FormItem>
      )}
    </div>
  );
}
