import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Card } from "azure-devops-ui/Card";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { TextField } from "azure-devops-ui/TextField";
import { ErrorCard } from "../../components/error-card";
import {
  addActivityType,
  changeActivityType,
  getActivityTypes,
  type ActivityTypeView,
} from "../../services/time-service";
import { errorText, useTimeData } from "../../time/use-time-data";

/** Activity types: add, rename, archive (kept on old time, not offered for new time) and restore. */
export function ActivityTypesSection(): JSX.Element {
  const [loaded] = useTimeData(getActivityTypes);
  const [types, setTypes] = React.useState<ActivityTypeView[]>();
  const [newName, setNewName] = React.useState("");
  const [status, setStatus] = React.useState<{ text: string; error: boolean }>();
  React.useEffect(() => {
    if (loaded.status === "ready") setTypes(loaded.value);
  }, [loaded]);

  const apply = async (change: () => Promise<ActivityTypeView[]>, done: string) => {
    try {
      setTypes(await change());
      setStatus({ text: done, error: false });
      return true;
    } catch (error) {
      setStatus({ text: errorText(error), error: true });
      return false;
    }
  };
  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await apply(() => addActivityType(newName), `Added ${newName.trim()}.`)) setNewName("");
  };

  return (
    <Card titleProps={{ text: "Activity types" }}>
      {loaded.status === "loading" && <Spinner size={SpinnerSize.medium} label="Loading activity types..." />}
      {loaded.status === "failed" && <ErrorCard error={loaded.error} />}
      {loaded.status === "denied" && <ErrorCard error={new Error(loaded.message)} />}
      {types && (
        <div className="flex-column flex-grow rhythm-vertical-8">
          <div role="list" aria-label="Activity types" className="flex-column rhythm-vertical-8">
            {types.map((type) => (
              <ActivityTypeRow
                key={type.id}
                type={type}
                onRename={(name) => apply(() => changeActivityType(type.id, { name }), `Renamed to ${name.trim()}.`)}
                onArchive={(archived) =>
                  apply(
                    () => changeActivityType(type.id, { archived }),
                    archived ? `Archived ${type.name}.` : `Restored ${type.name}.`,
                  )
                }
              />
            ))}
          </div>
          <form
            className="flex-row flex-center rhythm-horizontal-8"
            onSubmit={(e) => void add(e)}
            aria-label="Add an activity type"
          >
            <TextField
              ariaLabel="New activity type"
              placeholder="New activity type"
              value={newName}
              onChange={(_, v) => setNewName(v)}
            />
            <Button type="submit" text="Add" iconProps={{ iconName: "Add" }} disabled={newName.trim() === ""} />
          </form>
          {status && (
            <div className={status.error ? "error-text" : "secondary-text"} role={status.error ? "alert" : "status"}>
              {status.text}
            </div>
          )}
        </div>
      )}
    </Card>
  );
}

function ActivityTypeRow(props: {
  type: ActivityTypeView;
  onRename: (name: string) => Promise<boolean>;
  onArchive: (archived: boolean) => Promise<boolean>;
}): JSX.Element {
  const { type } = props;
  const [name, setName] = React.useState(type.name);
  React.useEffect(() => setName(type.name), [type.name]);
  const rename = (event: React.FormEvent) => {
    event.preventDefault();
    void props.onRename(name);
  };
  return (
    <form role="listitem" aria-label={type.name} className="flex-row flex-center rhythm-horizontal-8" onSubmit={rename}>
      <TextField
        ariaLabel={`Name of ${type.name}`}
        value={name}
        onChange={(_, v) => setName(v)}
        disabled={type.archived}
      />
      {name !== type.name && <Button type="submit" text="Rename" />}
      {type.archived && <span className="secondary-text">Archived</span>}
      <Button
        subtle
        text={type.archived ? "Restore" : "Archive"}
        onClick={() => void props.onArchive(!type.archived)}
      />
    </form>
  );
}
