import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Checkbox } from "azure-devops-ui/Checkbox";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { TextField, TextFieldStyle } from "azure-devops-ui/TextField";
import { useLatest } from "../common/use-latest";
import { ErrorCard } from "../components/error-card";
import { usersService, type DirectoryUserView, type GroupView } from "../services/users-service";
import { PeopleTable, selectedItems } from "./people-table";
import { useDebounced } from "./use-debounced";
import { useSelection } from "./use-selection";

const NO_USERS: DirectoryUserView[] = [];

type Loaded<T> =
  { status: "idle" } | { status: "loading" } | { status: "ready"; value: T } | { status: "failed"; error: Error };

/** Runs `load` (none: idle) on mount and whenever `key` changes; only the latest run may update the state. */
function useLoad<T>(load: (() => Promise<T>) | null, key: string): Loaded<T> {
  const [state, setState] = React.useState<Loaded<T>>({ status: "idle" });
  // `load` is a new closure on every render: `key` says when to run it, the ref gives this render's.
  const latestLoad = useLatest(load);
  React.useEffect(() => {
    const run = latestLoad.current;
    if (!run) return setState({ status: "idle" });
    let live = true;
    setState({ status: "loading" });
    run().then(
      (value) => live && setState({ status: "ready", value }),
      (error: unknown) =>
        live && setState({ status: "failed", error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [key, latestLoad]);
  return state;
}

/**
 * Add by group: type the start of a group's name (Azure DevOps or Entra), pick it, and see
 * who is in it now, nested groups included. Licensed members are shown but cannot be picked.
 */
export function GroupMembers(props: { onPick: (users: DirectoryUserView[]) => void }): JSX.Element {
  const [text, setText] = React.useState("");
  const query = useDebounced(text.trim(), 300);
  const [group, setGroup] = React.useState<GroupView | null>(null);
  const groups = useLoad(
    query && !group ? () => usersService.searchGroups(query).then((r) => r.groups) : null,
    group ? "" : query,
  );
  const members = useLoad(
    group ? () => usersService.groupMembers(group.descriptor).then((r) => r.users) : null,
    group?.descriptor ?? "",
  );
  // One array per answer: effects below depend on it, and a fresh [] each render would loop.
  const users = React.useMemo(() => (members.status === "ready" ? members.value : NO_USERS), [members]);
  const { selection, count } = useSelection(group?.descriptor ?? "", 0);
  const onPick = props.onPick;

  React.useEffect(() => {
    selection.clearUnselectable();
    users.forEach((u, i) => u.licensed && selection.addUnselectable(i));
  }, [users, selection]);
  React.useEffect(() => onPick(selectedItems(selection, users)), [count, users, selection, onPick]);

  const unlicensed = users.map((u, i) => (u.licensed ? -1 : i)).filter((i) => i >= 0);
  const allUnlicensed = unlicensed.length > 0 && unlicensed.every((i) => selection.selected(i));
  const selectAllUnlicensed = (checked: boolean) => {
    selection.clear();
    if (checked) for (const i of unlicensed) selection.select(i, 1, true, true);
  };

  if (group) {
    return (
      <div className="flex-column rhythm-vertical-8">
        <div className="flex-row flex-center rhythm-horizontal-8">
          <span className="font-weight-semibold">{group.displayName}</span>
          <span className="secondary-text">{group.source}</span>
          <Button text="Choose another group" subtle={true} onClick={() => (setGroup(null), setText(""))} />
        </div>
        {members.status === "loading" ? (
          <Spinner size={SpinnerSize.medium} label="Reading the group's members..." />
        ) : null}
        {members.status === "failed" ? <ErrorCard error={members.error} /> : null}
        {members.status === "ready" ? (
          <>
            <Checkbox
              label="Select all Unlicensed Users"
              checked={allUnlicensed}
              disabled={unlicensed.length === 0}
              onChange={(_, checked) => selectAllUnlicensed(checked)}
            />
            <div className="panel-table">
              <PeopleTable<DirectoryUserView>
                ariaLabel={`Members of ${group.displayName}`}
                items={users}
                hasMore={false}
                onLoadMore={() => undefined}
                selection={selection}
                roleHeader="Timetracker role"
              />
            </div>
          </>
        ) : null}
      </div>
    );
  }
  return (
    <div className="flex-column rhythm-vertical-8">
      <TextField
        value={text}
        onChange={(_, value) => setText(value)}
        placeholder="Type the name of a group"
        ariaLabel="Group name"
        prefixIconProps={{ iconName: "Group" }}
        style={TextFieldStyle.inline}
      />
      {groups.status === "loading" ? <Spinner size={SpinnerSize.small} label="Finding groups..." /> : null}
      {groups.status === "failed" ? <ErrorCard error={groups.error} /> : null}
      {groups.status === "ready" && groups.value.length === 0 ? (
        <div className="secondary-text">No group starts with “{query}”.</div>
      ) : null}
      {groups.status === "ready" && groups.value.length > 0 ? (
        <ul className="group-results" aria-label="Groups">
          {groups.value.map((g) => (
            <li key={g.descriptor}>
              <Button
                className="group-result"
                text={`${g.displayName} — ${g.principalName}`}
                subtle={true}
                onClick={() => setGroup(g)}
                ariaLabel={`${g.displayName} (${g.source})`}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
