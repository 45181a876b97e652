import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import type { ActivityTypeView, WorkItemTimeResponse } from "../services/time-service";
import { formatDuration } from "../time/duration";
import { WorklogList } from "../time/worklog-list";

export interface WorkItemTimeProps {
  time: WorkItemTimeResponse;
  activityTypes: ActivityTypeView[];
  me: { id: string; displayName: string };
  message?: string;
  onChanged: (message?: string) => void;
}

/** Totals, time per person, and the worklogs (newest first) on a work item and its children. */
export function WorkItemTime(props: WorkItemTimeProps): JSX.Element {
  const { time } = props;
  const children = time.workItems.filter((w) => w.id !== time.workItemId);
  return (
    <div className="flex-column rhythm-vertical-16">
      {props.message && (
        <MessageCard severity={MessageCardSeverity.Warning} role="alert">
          {props.message}
        </MessageCard>
      )}
      <Card titleProps={{ text: "Time on this work item" }}>
        <div className="flex-column rhythm-vertical-8">
          <div className="tt-total" aria-label="Totals">
            <span className="font-weight-semibold">Total {formatDuration(time.totalSeconds)}</span> · Mine{" "}
            {formatDuration(time.mySeconds)}
          </div>
          {children.length > 0 && (
            <div className="secondary-text">
              Includes its children: {children.map((c) => `#${c.id} ${c.title}`).join(", ")}
            </div>
          )}
          {time.truncated && <div className="secondary-text">Only the first worklogs are counted; there are more.</div>}
        </div>
      </Card>
      <Card titleProps={{ text: "Per person" }}>
        {time.people.length === 0 ? (
          <div className="secondary-text">No time has been logged yet.</div>
        ) : (
          <table className="tt-people" aria-label="Time per person">
            <tbody>
              {time.people.map((p) => (
                <tr key={p.userId}>
                  <th scope="row" className="text-left font-weight-normal padding-right-16">
                    {p.displayName}
                  </th>
                  <td className="tt-total text-right">{formatDuration(p.totalSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card titleProps={{ text: time.showsAllEntries ? "Worklogs" : "My worklogs" }}>
        <div className="flex-column flex-grow rhythm-vertical-8">
          {!time.showsAllEntries && <div className="secondary-text">Other people's time shows only in the totals.</div>}
          {time.entries.length === 0 ? (
            <div className="secondary-text">No worklogs to show.</div>
          ) : (
            <WorklogList
              label="Worklogs"
              worklogs={time.entries}
              activityTypes={props.activityTypes}
              me={props.me}
              showOwner={time.showsAllEntries}
              showDate
              onChanged={props.onChanged}
            />
          )}
        </div>
      </Card>
    </div>
  );
}
