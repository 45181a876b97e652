import * as React from "react";
import { Checkbox } from "azure-devops-ui/Checkbox";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { ErrorCard } from "../components/error-card";
import { usersService, type DirectoryUserView, type GroupView } from "../services/users-service";
import { PeopleTable, selectedItems } from "./people-table";
import { ChosenGroup, GroupSearch } from "./group-search";
import { useAsync } from "../common/use-async";
import { useSelection } from "./use-selection";

const NO_USERS: DirectoryUserView[] = [];

/**
 * Add by group: type the start of a group's name (Azure DevOps or Entra), pick it, and see
 * who is in it now, nested groups included. Licensed members are shown but cannot be picked.
 */
export function GroupMembers(props: { onPick: (users: DirectoryUserView[]) => void }): JSX.Element {
  const [group, setGroup] = React.useState<GroupView | null>(null);
  const members = useAsync(
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
        <ChosenGroup group={group} onClear={() => setGroup(null)} />
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
                narrow={true}
              />
            </div>
          </>
        ) : null}
      </div>
    );
  }
  return <GroupSearch onPick={setGroup} />;
}
