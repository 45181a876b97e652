import * as React from "react";
import { Checkbox } from "azure-devops-ui/Checkbox";
import { ProgressBar } from "azure-devops-ui/ProgressBar";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { TextField, TextFieldStyle } from "azure-devops-ui/TextField";
import { ErrorCard } from "../components/error-card";
import { filterFromQuery, filterToQuery, NO_FILTER, type LicensedFilter } from "../services/licensed-filter";
import { getPageQuery, setPageQuery } from "../services/navigation";
import {
  assignInBatches,
  usersService,
  type AssignedRole,
  type BatchProgress,
  type MemberSort,
  type MemberView,
  type Role,
} from "../services/users-service";
import { activityDate, activityText } from "./activity-text";
import { ConfirmNoneDialog } from "./confirm-none-dialog";
import { LicensedFilters } from "./licensed-filters";
import { PeopleTable, selectedItems, type ExtraColumn } from "./people-table";
import { RolePicker } from "./role-picker";
import { usersText, type Status } from "./status-message";
import { usePagedList } from "./use-paged-list";
import { useSelection } from "./use-selection";
import { useDebounced } from "./use-debounced";

export interface LicensedUsersProps {
  defaultRole: Role;
  /** Bumped by the page when the list must be read again (users added, default role changed). */
  refreshKey: number;
  onChanged: (status: Status) => void;
}

const COLUMNS: ExtraColumn<MemberView>[] = [
  { id: "source", name: "Source", width: -32, text: (m) => m.sources.join(", ") },
  {
    id: "last-tracked",
    name: "Last tracked",
    width: 104,
    text: (m) => activityText(m.lastTrackedAt, new Date()),
    title: (m) => (m.lastTrackedAt ? activityDate(m.lastTrackedAt) : undefined),
  },
  {
    id: "last-opened",
    name: "Last opened",
    width: 104,
    text: (m) => activityText(m.lastOpenedAt, new Date()),
    title: (m) => (m.lastOpenedAt ? activityDate(m.lastOpenedAt) : undefined),
  },
];

/**
 * The licensed users: search, sort, filter by source and by no time tracked, select (or
 * Select all), and a role picked on the right applies at once. The filters start from the
 * page's address (`?inactiveDays=90`), so a link can open the list filtered.
 */
export function LicensedUsers(props: LicensedUsersProps): JSX.Element {
  const [initial, setInitial] = React.useState<LicensedFilter | null>(null);
  React.useEffect(() => {
    getPageQuery().then(
      (query) => setInitial(filterFromQuery(query)),
      () => setInitial(NO_FILTER),
    );
  }, []);
  if (!initial) return <Spinner size={SpinnerSize.medium} label="Loading users..." />;
  return <LicensedList {...props} initialFilter={initial} />;
}

/** Every licensed user the search and filters cover, while Select all is on: what a role then changes. */
function useAllIds(all: boolean, search: string, filter: LicensedFilter, key: string): string[] | null {
  const [ids, setIds] = React.useState<{ key: string; ids: string[] } | null>(null);
  const request = React.useRef({ search, filter });
  request.current = { search, filter };
  React.useEffect(() => {
    if (!all) return;
    let live = true;
    const { search: s, filter: f } = request.current;
    usersService.licensedIds(s, f).then(
      (answer) => live && setIds({ key, ids: answer.ids }),
      () => undefined, // the count stays unknown; picking a role asks again and shows that error
    );
    return () => {
      live = false;
    };
  }, [all, key]);
  return all && ids?.key === key ? ids.ids : null;
}

function LicensedList(props: LicensedUsersProps & { initialFilter: LicensedFilter }): JSX.Element {
  const [searchText, setSearchText] = React.useState("");
  const search = useDebounced(searchText.trim(), 300);
  const [sort, setSort] = React.useState<{ by: MemberSort; descending: boolean }>({ by: "name", descending: false });
  const [filter, setFilterState] = React.useState(props.initialFilter);
  const setFilter = (next: LicensedFilter) => {
    setFilterState(next);
    void setPageQuery(filterToQuery(next));
  };
  const rules = useLicensedRules(props.refreshKey);
  const key = JSON.stringify([search, sort, filter, props.refreshKey]);
  const list = usePagedList(
    (continuation) =>
      usersService
        .licensed({ search, filter, sort: sort.by, descending: sort.descending, continuation })
        .then((r) => ({ items: r.members, continuation: r.continuationToken })),
    key,
  );
  const { selection, count, all, setAll } = useSelection(key, list.items.length);
  const allIds = useAllIds(all, search, filter, key);
  const [progress, setProgress] = React.useState<BatchProgress | null>(null);
  const [confirm, setConfirm] = React.useState<{ ids: string[] } | null>(null);
  const picked = selectedItems<MemberView>(selection, list.items);
  const onSort = React.useCallback((by: MemberSort, descending: boolean) => setSort({ by, descending }), []);

  const targets = async (): Promise<string[]> =>
    all ? (allIds ?? (await usersService.licensedIds(search, filter)).ids) : picked.map((m) => m.id);
  const filtered = filter.source !== null || filter.inactiveDays !== null;
  const apply = async (role: AssignedRole, ids: string[]) => {
    setConfirm(null);
    try {
      const result = await assignInBatches(role, ids, setProgress);
      props.onChanged(
        result.failed.length === 0
          ? { kind: "success", text: "Role was successfully changed" }
          : {
              kind: "error",
              error: new Error(
                `${usersText(result.succeeded)} changed; ${usersText(result.failed.length)} could not be: ${result.failed[0].message}`,
              ),
            },
      );
      setAll(false);
      selection.clear();
    } catch (error) {
      props.onChanged({ kind: "error", error: error instanceof Error ? error : new Error(String(error)) });
    } finally {
      setProgress(null);
    }
  };
  const onPick = async (role: AssignedRole) => {
    const ids = await targets();
    if (ids.length === 0) return;
    if (role === "None") setConfirm({ ids });
    else await apply(role, ids);
  };

  return (
    <div className="flex-row rhythm-horizontal-16 licensed-users">
      <div className="flex-column flex-grow rhythm-vertical-8 licensed-list">
        <div className="flex-row flex-center rhythm-horizontal-16">
          <TextField
            className="flex-grow"
            value={searchText}
            onChange={(_, value) => setSearchText(value)}
            placeholder="Search by name or email"
            ariaLabel="Search licensed users by name or email"
            prefixIconProps={{ iconName: "Search" }}
            style={TextFieldStyle.inline}
          />
          <Checkbox
            label="Select all"
            ariaLabel={filtered ? "Select all users the filters show" : undefined}
            checked={all}
            onChange={(_, checked) => setAll(checked)}
          />
        </div>
        <LicensedFilters filter={filter} rules={rules} onChange={setFilter} />
        {progress ? <BatchProgressBar progress={progress} verb="Changing roles" /> : null}
        {list.error ? <ErrorCard error={list.error} /> : null}
        {!list.loading && list.items.length === 0 && !list.error ? (
          <div className="secondary-text">
            {filtered
              ? "No licensed user matches these filters."
              : search
                ? "No licensed user matches your search."
                : "No licensed users yet. Use + Add Users."}
          </div>
        ) : (
          <PeopleTable<MemberView>
            ariaLabel="Licensed users"
            items={list.items}
            hasMore={list.hasMore}
            onLoadMore={list.loadMore}
            selection={selection}
            sort={{ ...sort, onSort }}
            extraColumns={COLUMNS}
          />
        )}
      </div>
      <RolePicker
        selected={picked.map((m) => m.role)}
        selectedCount={allIds?.length ?? count}
        allSelected={all && allIds === null && list.hasMore}
        defaultRole={props.defaultRole}
        busy={progress !== null}
        onPick={(role) => void onPick(role)}
      />
      {confirm ? (
        <ConfirmNoneDialog
          userCount={confirm.ids.length}
          seatsFreed={confirm.ids.length}
          onConfirm={() => void apply("None", confirm.ids)}
          onDismiss={() => setConfirm(null)}
        />
      ) : null}
    </div>
  );
}

/** The Source filter's choices, read again after every change (a rule may have left). */
function useLicensedRules(refreshKey: number): { id: string; name: string }[] {
  const [rules, setRules] = React.useState<{ id: string; name: string }[]>([]);
  React.useEffect(() => {
    let live = true;
    usersService.licensedRules().then(
      (answer) => live && setRules(answer.rules),
      () => undefined, // the list still filters by Direct and Any group rule
    );
    return () => {
      live = false;
    };
  }, [refreshKey]);
  return rules;
}

export function BatchProgressBar(props: { progress: BatchProgress; verb: string }): JSX.Element {
  const { done, total } = props.progress;
  return (
    <div className="flex-column rhythm-vertical-4" role="status" aria-live="polite">
      <div className="secondary-text">{`${props.verb}: ${done.toLocaleString("en")} of ${usersText(total)}`}</div>
      <ProgressBar currentValue={done} maxValue={Math.max(1, total)} ariaLabel={props.verb} />
    </div>
  );
}
