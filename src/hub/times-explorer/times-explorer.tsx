import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Card } from "azure-devops-ui/Card";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { ErrorCard } from "../../components/error-card";
import {
  getActivityTypes,
  getPeople,
  listWorklogs,
  type TimeContextResponse,
  type WorklogQuery,
  type WorklogView,
} from "../../services/time-service";
import { formatDuration } from "../../time/duration";
import { addDays, dayString } from "../../time/local-dates";
import { errorText, useTimeData } from "../../time/use-time-data";
import { WorklogList } from "../../time/worklog-list";
import { ALL, ExplorerFilters, ME, type ExplorerFilter } from "./explorer-filters";

export interface TimesExplorerProps {
  me: { id: string; displayName: string };
  capabilities: TimeContextResponse["capabilities"];
}

const MAX_RANGE_DAYS = 366;

function queryOf(filter: ExplorerFilter, meId: string): WorklogQuery | string {
  if (!filter.from || !filter.to) return "Pick a start and an end date.";
  if (filter.from > filter.to) return "The start date is after the end date.";
  if (Date.parse(filter.to) - Date.parse(filter.from) > MAX_RANGE_DAYS * 86_400_000)
    return "Pick a range of at most a year.";
  const workItemId = filter.workItem.trim() === "" ? undefined : Number(filter.workItem);
  if (workItemId !== undefined && !(Number.isInteger(workItemId) && workItemId > 0))
    return "The work item must be a number.";
  return {
    from: filter.from,
    to: filter.to,
    userId: filter.person === ME ? meId : filter.person,
    ...(workItemId !== undefined ? { workItemId } : {}),
    ...(filter.activityTypeId !== ALL ? { activityTypeId: filter.activityTypeId } : {}),
    pageSize: 200,
  };
}

/** Times Explorer: worklogs by date range, work item, activity and, for Product and above, person. */
export function TimesExplorer(props: TimesExplorerProps): JSX.Element {
  const seesEveryone = props.capabilities.viewAllWorklogs;
  const today = dayString(new Date());
  const [filter, setFilter] = React.useState<ExplorerFilter>({
    from: addDays(today, -30),
    to: today,
    workItem: "",
    activityTypeId: ALL,
    person: ME,
  });
  const [lookups] = useTimeData(() =>
    Promise.all([getActivityTypes(), seesEveryone ? getPeople() : Promise.resolve(undefined)]).then(
      ([activityTypes, people]) => ({ activityTypes, people }),
    ),
  );
  const query = queryOf(filter, props.me.id);
  const [results, reload] = useTimeData(
    () =>
      typeof query === "string" ? Promise.resolve({ worklogs: [], continuationToken: null }) : listWorklogs(query),
    JSON.stringify(query),
  );
  const [more, setMore] = React.useState<{
    worklogs: WorklogView[];
    token: string | null;
    loading: boolean;
    error?: string;
  }>();
  const [message, setMessage] = React.useState<string>();
  React.useEffect(() => setMore(undefined), [results]);

  const loadMore = async (token: string) => {
    if (typeof query === "string") return;
    setMore((m) => ({ worklogs: m?.worklogs ?? [], token, loading: true }));
    try {
      const page = await listWorklogs({ ...query, continuationToken: token });
      setMore((m) => ({
        worklogs: [...(m?.worklogs ?? []), ...page.worklogs],
        token: page.continuationToken,
        loading: false,
      }));
    } catch (error) {
      setMore((m) => ({ worklogs: m?.worklogs ?? [], token, loading: false, error: errorText(error) }));
    }
  };

  if (lookups.status === "loading") return <Spinner size={SpinnerSize.large} label="Loading..." />;
  if (lookups.status === "failed") return <ErrorCard error={lookups.error} />;
  if (lookups.status === "denied") return <ErrorCard error={new Error(lookups.message)} />;
  const worklogs = results.status === "ready" ? [...results.value.worklogs, ...(more?.worklogs ?? [])] : [];
  const token = more ? more.token : results.status === "ready" ? results.value.continuationToken : null;
  const total = worklogs.reduce((sum, w) => sum + w.durationSeconds, 0);
  return (
    <div className="flex-column rhythm-vertical-16">
      <ExplorerFilters
        filter={filter}
        onChange={setFilter}
        activityTypes={lookups.value.activityTypes}
        people={lookups.value.people}
      />
      {typeof query === "string" && (
        <div className="error-text" role="alert">
          {query}
        </div>
      )}
      {message && (
        <MessageCard severity={MessageCardSeverity.Warning} onDismiss={() => setMessage(undefined)}>
          {message}
        </MessageCard>
      )}
      {results.status === "loading" && <Spinner size={SpinnerSize.medium} label="Loading worklogs..." />}
      {results.status === "failed" && <ErrorCard error={results.error} />}
      {results.status === "denied" && <ErrorCard error={new Error(results.message)} />}
      {results.status === "ready" && (
        <Card titleProps={{ text: "Worklogs" }}>
          <div className="flex-column flex-grow rhythm-vertical-8">
            <div className="tt-total" aria-label="Results total">
              {worklogs.length} worklog{worklogs.length === 1 ? "" : "s"}
              {token ? " so far" : ""} · Total {formatDuration(total)}
            </div>
            {worklogs.length === 0 ? (
              <div className="secondary-text">No worklogs match these filters.</div>
            ) : (
              <WorklogList
                label="Times Explorer results"
                worklogs={worklogs}
                activityTypes={lookups.value.activityTypes}
                me={props.me}
                showOwner={filter.person !== ME}
                showDate
                onChanged={(text) => {
                  setMessage(text);
                  reload();
                }}
              />
            )}
            {token && <Button text="Load more" onClick={() => void loadMore(token)} disabled={more?.loading} />}
            {more?.error && <div className="error-text">{more.error}</div>}
          </div>
        </Card>
      )}
    </div>
  );
}
