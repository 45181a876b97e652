import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { ButtonGroup } from "azure-devops-ui/ButtonGroup";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { ErrorCard } from "../../components/error-card";
import {
  getActivityTypes,
  getPeople,
  getTimer,
  listWorklogs,
  type TimeContextResponse,
} from "../../services/time-service";
import { formatDuration } from "../../time/duration";
import { addDays, dayString, weekDays, weekLabel, weekStart } from "../../time/local-dates";
import { useTimeData } from "../../time/use-time-data";
import { RunningTimer } from "./running-timer";
import { WeekDay } from "./week-day";

export interface MyTimeProps {
  me: { id: string; displayName: string };
  capabilities: TimeContextResponse["capabilities"];
}

async function loadWeek(monday: string, mayAddForOthers: boolean) {
  const [week, activityTypes, timer, people] = await Promise.all([
    listWorklogs({ from: monday, to: addDays(monday, 6), order: "asc", pageSize: 1000 }),
    getActivityTypes(),
    getTimer(),
    mayAddForOthers ? getPeople() : Promise.resolve(undefined),
  ]);
  return { worklogs: week.worklogs, activityTypes, timer, people };
}

/** My time: a Monday-to-Sunday week of my worklogs, totals per day and week, the running timer. */
export function MyTime(props: MyTimeProps): JSX.Element {
  const today = dayString(new Date());
  const [monday, setMonday] = React.useState(() => weekStart(today));
  const [data, reload] = useTimeData(() => loadWeek(monday, props.capabilities.addTimeForOthers), monday);
  const [message, setMessage] = React.useState<{ text: string; warning: boolean }>();
  const changed = (text?: string, warning = true) => {
    setMessage(text ? { text, warning } : undefined);
    reload();
  };

  const weekTotal = data.status === "ready" ? data.value.worklogs.reduce((sum, w) => sum + w.durationSeconds, 0) : 0;
  return (
    <div className="flex-column rhythm-vertical-16">
      <div className="flex-row flex-center flex-wrap rhythm-horizontal-8">
        <ButtonGroup>
          <Button
            text="Previous week"
            iconProps={{ iconName: "ChevronLeft" }}
            onClick={() => setMonday(addDays(monday, -7))}
          />
          <Button text="This week" onClick={() => setMonday(weekStart(today))} disabled={monday === weekStart(today)} />
          <Button
            text="Next week"
            iconProps={{ iconName: "ChevronRight" }}
            onClick={() => setMonday(addDays(monday, 7))}
          />
        </ButtonGroup>
        <h2 className="title-m margin-0 padding-horizontal-8 flex-grow" aria-live="polite">
          {weekLabel(monday)}
        </h2>
        <div className="tt-total title-s" aria-label="Week total">
          Week total {formatDuration(weekTotal)}
        </div>
      </div>
      {message && (
        <MessageCard
          severity={message.warning ? MessageCardSeverity.Warning : MessageCardSeverity.Info}
          onDismiss={() => setMessage(undefined)}
        >
          {message.text}
        </MessageCard>
      )}
      {data.status === "loading" && <Spinner size={SpinnerSize.large} label="Loading the week..." />}
      {data.status === "failed" && <ErrorCard error={data.error} />}
      {data.status === "ready" && (
        <>
          {data.value.timer && <RunningTimer timer={data.value.timer} onStopped={(notice) => changed(notice, false)} />}
          {weekDays(monday).map((day) => (
            <WeekDay
              key={day}
              day={day}
              isToday={day === today}
              worklogs={data.value.worklogs.filter((w) => w.day === day)}
              activityTypes={data.value.activityTypes}
              people={data.value.people}
              me={props.me}
              onChanged={changed}
            />
          ))}
        </>
      )}
    </div>
  );
}
