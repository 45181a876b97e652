import * as React from "react";
import { Checkbox } from "azure-devops-ui/Checkbox";
import { ProgressBar } from "azure-devops-ui/ProgressBar";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { TextField, TextFieldStyle } from "azure-devops-ui/TextField";
import { ErrorCard } from "../components/error-card";
import { filterFromQuery, filterToQuery, NO_FILTER, type LicensedFilter } from "../services/licensed-filter";
import { hostQueryParams, setPageQuery } from "../services/navigation";
import {
  assignInBatches,
  usersService,
  type AssignedRole,
  type AssignRolesPreviewResponse,
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
import { previewNow, useRolePreview, type PreviewRequest } from "./use-role-preview";
import { usePagedList } from "./use-paged-list";
import { useSelection } from "./use-selection";
import { useDebounced } from "./use-debounced";

export interface LicensedUsersProps {
  defaultRole: Role;
  /** Only Project Collection Administrators are sent to the Subscription page for seats. */
  isPca: boolean;
  /** Bumped by the page when the list must be read again (users added, default role changed). */
  refreshKey: number;
  onChanged: (status: Status) => void;
}

/** "Direct", "Rule: Engineering", or both: shown under the role. */
const roleSource = (m: MemberView) => m.sources.join(", ");

const COLUMNS: ExtraColumn<MemberView>[] = [
  {
    id: "last-tracked",
    name: "Last tracked",
    width: 120,
    text: (m) => activityText(m.lastTrackedAt, new Date()),
    title: (m) => (m.lastTrackedAt ? activityDate(m.lastTrackedAt) : undefined),
  },
  {
    id: "last-opened",
    name: "Last opened",
    width: 120,
    text: (m) => activityText(m.lastOpenedAt, new Date()),
    title: (m) => (m.lastOpenedAt ? activityDate(m.lastOpenedAt) : undefined),
  },
];

/**
 * The licensed users: search, sort, filter by source and by no time tracked, select (or
 * Select all), and a role picked on the right applies at once, unless the server's preview,
 * asked right before, says it does not fit. The filters start from the page's address
 * (`?inactiveDays=90`), so a link can open the list filtered.
 */
export function LicensedUsers(props: LicensedUsersProps): JSX.Element {
  const [initial, setInitial] = React.useState<LicensedFilter | null>(null);
  React.useEffect(() => {
    hostQueryParams().then(
      (query) => setInitial(filterFromQuery(query)),
      () => setInitial(NO_FILTER),
    );
  }, []);
  if (!initial) return <Spinner size={SpinnerSize.medium} label="Loading users..." />;
  return <LicensedList {...props} initialFilter={initial} />;
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
  const [progress, setProgress] = React.useState<BatchProgress | null>(null);
  const [checking, setChecking] = React.useState(false);
  const [confirm, setConfirm] = React.useState<{ ids: string[]; preview: AssignRolesPreviewResponse } | null>(null);
  const picked = selectedItems<MemberView>(selection, list.items);
  const onSort = React.useCallback((by: MemberSort, descending: boolean) => setSort({ by, descending }), []);

  // The preview is asked for exactly the users a role would change: with Select all, every
  // one the search and filters cover.
  const ids = useTargetIds(all, search, filter, key, picked);
  const [pointed, setPointed] = React.useState<AssignedRole>("None");
  const request = React.useMemo<PreviewRequest | null>(
    () => (ids && ids.length > 0 ? { role: pointed, userIds: ids } : null),
    [pointed, ids],
  );
  const preview = useRolePreview(request);

  const targets = async (): Promise<string[]> =>
    ids ?? (all ? (await usersService.licensedIds(search, filter)).ids : picked.map((m) => m.id));
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
    setPointed(role);
    setChecking(true);
    let decided: AssignRolesPreviewResponse | null;
    let userIds: string[];
    try {
      userIds = await targets();
      if (userIds.length === 0) return;
      decided = await previewNow({ role, userIds });
    } catch (error) {
      props.onChanged({ kind: "error", error: error instanceof Error ? error : new Error(String(error)) });
      return;
    } finally {
      setChecking(false);
    }
    if (decided) preview.show({ role, userIds }, decided);
    if (decided && !decided.fits) return; // the note says what is missing; nothing is applied
    if (role === "None" && decided) setConfirm({ ids: userIds, preview: decided });
    else await apply(role, userIds);
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
            roleSource={roleSource}
            extraColumns={COLUMNS}
          />
        )}
      </div>
      <RolePicker
        selected={picked.map((m) => m.role)}
        selectedCount={all && ids ? ids.length : count}
        allSelected={all && ids === null && list.hasMore}
        defaultRole={props.defaultRole}
        busy={progress !== null || checking}
        onPick={(role) => void onPick(role)}
        pointed={pointed}
        onPoint={setPointed}
        impact={preview.state}
        isPca={props.isPca}
      />
      {confirm ? (
        <ConfirmNoneDialog
          userCount={confirm.ids.length}
          preview={confirm.preview}
          onConfirm={() => void apply("None", confirm.ids)}
          onDismiss={() => setConfirm(null)}
        />
      ) : null}
    </div>
  );
}

/**
 * The ids a role change would go to: the selected rows, or with Select all every licensed
 * user the search and filters cover (users/licensed/ids, once per list); null while they are
 * being read. The same array while the selection stays, so its preview is asked once.
 */
function useTargetIds(
  all: boolean,
  search: string,
  filter: LicensedFilter,
  key: string,
  picked: MemberView[],
): string[] | null {
  const pickedKey = picked.map((m) => m.id).join(",");
  const pickedIds = React.useMemo(() => (pickedKey ? pickedKey.split(",") : []), [pickedKey]);
  const [everyone, setEveryone] = React.useState<{ key: string; ids: string[] } | null>(null);
  // The search and filters `key` stands for, read when it changes (the filter object is new on every render).
  const request = React.useRef({ search, filter });
  request.current = { search, filter };
  React.useEffect(() => {
    if (!all) return;
    let live = true;
    const { search: s, filter: f } = request.current;
    usersService.licensedIds(s, f).then(
      (answer) => live && setEveryone({ key, ids: answer.ids }),
      // The page still works: the role change reads the ids again, and says why if it cannot.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [all, key]);
  if (!all) return pickedIds;
  return everyone?.key === key ? everyone.ids : null;
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
