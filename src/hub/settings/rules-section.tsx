import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { Checkbox } from "azure-devops-ui/Checkbox";
import { FormItem } from "azure-devops-ui/FormItem";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { Toggle } from "azure-devops-ui/Toggle";
import { ErrorCard } from "../../components/error-card";
import { LICENSED_ROLES } from "../../../functions/contracts/roles";
import { getTimeSettings, updateTimeSettings, type TimeSettingsView } from "../../services/time-service";
import { errorText, useTimeData } from "../../time/use-time-data";

/** Settings › Rules: "Editing Time" and "Prevent time entry on closed items"; each change saves at once. */
export function RulesSection(): JSX.Element {
  const [loaded] = useTimeData(getTimeSettings);
  const [settings, setSettings] = React.useState<TimeSettingsView>();
  const [status, setStatus] = React.useState<{ text: string; error: boolean }>();
  React.useEffect(() => {
    if (loaded.status === "ready") setSettings(loaded.value);
  }, [loaded]);

  const save = async (change: Partial<TimeSettingsView>) => {
    setStatus({ text: "Saving...", error: false });
    try {
      setSettings(await updateTimeSettings(change));
      setStatus({ text: "Saved.", error: false });
    } catch (error) {
      setStatus({ text: errorText(error), error: true });
    }
  };

  return (
    <Card titleProps={{ text: "Rules" }}>
      {loaded.status === "loading" && <Spinner size={SpinnerSize.medium} label="Loading rules..." />}
      {loaded.status === "failed" && <ErrorCard error={loaded.error} />}
      {loaded.status === "denied" && <ErrorCard error={new Error(loaded.message)} />}
      {settings && (
        <div className="flex-column rhythm-vertical-16">
          <FormItem
            label="Editing Time"
            message="Roles that may edit other users' time. Owners always edit their own time."
          >
            <div className="flex-row flex-wrap rhythm-horizontal-16" role="group" aria-label="Editing Time">
              {LICENSED_ROLES.map((role) => (
                <Checkbox
                  key={role}
                  label={role}
                  checked={settings.editingTimeRoles.includes(role)}
                  onChange={(_, checked) =>
                    void save({
                      editingTimeRoles: checked
                        ? [...settings.editingTimeRoles, role]
                        : settings.editingTimeRoles.filter((r) => r !== role),
                    })
                  }
                />
              ))}
            </div>
          </FormItem>
          <Toggle
            text="Prevent time entry on closed items"
            ariaLabel="Prevent time entry on closed items"
            checked={settings.preventTimeOnClosedItems}
            onChange={(_, checked) => void save({ preventTimeOnClosedItems: checked })}
          />
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
