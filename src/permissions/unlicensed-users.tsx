import * as React from "react";
import { TextField, TextFieldStyle } from "azure-devops-ui/TextField";
import { ErrorCard } from "../components/error-card";
import { usersService, type DirectoryUserView } from "../services/users-service";
import { PeopleTable, selectedItems } from "./people-table";
import { useDebounced } from "./use-debounced";
import { usePagedList } from "./use-paged-list";
import { useSelection } from "./use-selection";

/** Organization users without a seat (from Azure DevOps), searchable, loaded as you scroll. */
export function UnlicensedUsers(props: { onPick: (users: DirectoryUserView[]) => void }): JSX.Element {
  const [text, setText] = React.useState("");
  const search = useDebounced(text.trim(), 300);
  const list = usePagedList(
    (continuation) =>
      usersService
        .unlicensed(search, continuation)
        .then((r) => ({ items: r.users, continuation: r.continuationToken })),
    search,
  );
  const { selection, count } = useSelection(search, list.items.length);
  const onPick = props.onPick;
  React.useEffect(() => onPick(selectedItems(selection, list.items)), [count, list.items, selection, onPick]);
  return (
    <div className="flex-column rhythm-vertical-8">
      <TextField
        value={text}
        onChange={(_, value) => setText(value)}
        placeholder="Search by name or email"
        ariaLabel="Search unlicensed users"
        prefixIconProps={{ iconName: "Search" }}
        style={TextFieldStyle.inline}
      />
      {list.error ? <ErrorCard error={list.error} /> : null}
      {!list.loading && !list.hasMore && list.items.length === 0 && !list.error ? (
        <div className="secondary-text">
          {search ? "No unlicensed user matches your search." : "Every user of the organization has a license."}
        </div>
      ) : (
        <div className="panel-table">
          <PeopleTable<DirectoryUserView>
            ariaLabel="Unlicensed users"
            items={list.items}
            hasMore={list.hasMore}
            onLoadMore={list.loadMore}
            selection={selection}
            roleHeader="Timetracker role"
            narrow={true}
          />
        </div>
      )}
    </div>
  );
}
