import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { newRequestId } from "../../services/request-id";
import { createWorklog, type ActivityTypeView, type TimePerson, type WorklogView } from "../../services/time-service";
import { formatDuration } from "../../time/duration";
import { dayLabel } from "../../time/local-dates";
import { WorklogForm, type WorklogInput } from "../../time/worklog-form";
import { WorklogList } from "../../time/worklog-list";

export interface WeekDayProps {
  day: string;
  isToday: boolean;
  worklogs: WorklogView[];
  activityTypes: ActivityTypeView[];
  people?: TimePerson[];
  me: { id: string; displayName: string };
  onChanged: (message?: string) => void;
}

/** One day of the week: its total, its worklogs (edit and delete inline) and Add. */
export function WeekDay(props: WeekDayProps): JSX.Element {
  const [adding, setAdding] = React.useState(false);
  // One requestId per opened Add form: a retried save after an error must not add the time twice.
  const requestId = React.useRef(newRequestId());
  const total = props.worklogs.reduce((sum, w) => sum + w.durationSeconds, 0);
  const label = dayLabel(props.day);
  const add = async (input: WorklogInput) => {
    const saved = await createWorklog({ ...input, requestId: requestId.current });
    requestId.current = newRequestId();
    setAdding(false);
    props.onChanged(
      saved.userId !== props.me.id
        ? `Added ${formatDuration(saved.durationSeconds)} for ${saved.userName}.`
        : undefined,
    );
  };
  return (
    <section className="flex-column" aria-label={label}>
      <div className="tt-day-header flex-row flex-center rhythm-horizontal-8">
        <h3 className={`title-s margin-0 flex-grow ${props.isToday ? "" : "secondary-text"}`}>
          {label}
          {props.isToday ? " (today)" : ""}
        </h3>
        <span className="tt-total" aria-label={`Total ${label}`}>
          {formatDuration(total)}
        </span>
        <Button
          subtle
          text="Add"
          iconProps={{ iconName: "Add" }}
          ariaLabel={`Add time on ${label}`}
          onClick={() => setAdding(true)}
          disabled={adding}
        />
      </div>
      {adding && (
        <div className="tt-editor">
          <WorklogForm
            initial={{ day: props.day }}
            activityTypes={props.activityTypes}
            people={props.people}
            me={props.me}
            askWorkItem
            submitText="Add Time"
            onSubmit={add}
            onCancel={() => setAdding(false)}
          />
        </div>
      )}
      {props.worklogs.length > 0 && (
        <WorklogList
          label={`Worklogs on ${label}`}
          worklogs={props.worklogs}
          activityTypes={props.activityTypes}
          me={props.me}
          onChanged={props.onChanged}
        />
      )}
    </section>
  );
}
