import * as React from "react";
import { Checkbox } from "azure-devops-ui/Checkbox";
import { ProgressBar } from "azure-devops-ui/ProgressBar";
import { TextField, TextFieldStyle } from "azure-devops-ui/TextField";
import { ErrorCard } from "../components/error-card";
import {
  assignInBatches,
  usersService,
  type AssignedRole,
  type BatchProgress,
  type MemberSort,
  type MemberView,
  type Role,
} from "../services/users-service";
import { ConfirmNoneDialog } from "./confirm-none-dialog";
import { PeopleTable, selectedItems } from "./people-table";
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

/** Every licensed user id for the current search (for "Select all" beyond the loaded rows). */
async function allIds(search: string): Promise<string[]> {
  const ids: string[] = [];
  let continuation: string | null = null;
  do {
    const page = await usersService.licensed({ search, sort: "name", descending: false, continuation, pageSize: 200 });
    ids.push(...page.members.map((m) => m.id));
    continuation = page.continuationToken;
  } while (continuation);
  return ids;
}

/** The licensed users: search, sort, select (or Select all), and a role picked on the right applies at once. */
export function LicensedUsers(props: LicensedUsersProps): JSX.Element {
  const [searchText, setSearchText] = React.useState("");
  const search = useDebounced(searchText.trim(), 300);
  const [sort, setSort] = React.useState<{ by: MemberSort; descending: boolean }>({ by: "name", descending: false });
  const key = JSON.stringify([search, sort, props.refreshKey]);
  const list = usePagedList(
    (continuation) =>
      usersService
        .licensed({ search, sort: sort.by, descending: sort.descending, continuation })
        .then((r) => ({ items: r.members, continuation: r.continuationToken })),
    key,
  );
  const { selection, count, all, setAll } = useSelection(key, list.items.length);
  const [progress, setProgress] = React.useState<BatchProgress | null>(null);
  const [confirm, setConfirm] = React.useState<{ ids: string[] } | null>(null);
  const picked = selectedItems<MemberView>(selection, list.items);
  const onSort = React.useCallback((by: MemberSort, descending: boolean) => setSort({ by, descending }), []);

  const targets = async (): Promise<string[]> => (all ? allIds(search) : picked.map((m) => m.id));
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
          <Checkbox label="Select all" checked={all} onChange={(_, checked) => setAll(checked)} />
        </div>
        {progress ? <BatchProgressBar progress={progress} verb="Changing roles" /> : null}
        {list.error ? <ErrorCard error={list.error} /> : null}
        {!list.loading && list.items.length === 0 && !list.error ? (
          <div className="secondary-text">
            {search ? "No licensed user matches your search." : "No licensed users yet. Use + Add Users."}
          </div>
        ) : (
          <PeopleTable<MemberView>
            ariaLabel="Licensed users"
            items={list.items}
            hasMore={list.hasMore}
            onLoadMore={list.loadMore}
            selection={selection}
            sort={{ ...sort, onSort }}
          />
        )}
      </div>
      <RolePicker
        selected={picked.map((m) => m.role)}
        selectedCount={count}
        allSelected={all && list.hasMore}
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

export function BatchProgressBar(props: { progress: BatchProgress; verb: string }): JSX.Element {
  const { done, total } = props.progress;
  return (
    <div className="flex-column rhythm-vertical-4" role="status" aria-live="polite">
      <div className="secondary-text">{`${props.verb}: ${done.toLocaleString("en")} of ${usersText(total)}`}</div>
      <ProgressBar currentValue={done} maxValue={Math.max(1, total)} ariaLabel={props.verb} />
    </div>
  );
}
