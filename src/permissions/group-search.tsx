import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { TextField, TextFieldStyle } from "azure-devops-ui/TextField";
import { ErrorCard } from "../components/error-card";
import { usersService, type GroupView } from "../services/users-service";
import { useDebounced } from "./use-debounced";
import { useAsync } from "../common/use-async";

/** The search box, for a panel that opens with the keyboard in it (Panel's `defaultActiveElement`). */
export const GROUP_SEARCH_INPUT = ".group-search-input";

/**
 * Type the start of a group's name (Azure DevOps or Entra ID) and pick one of the groups the
 * server finds: + Add Users › Group and a group rule both start here.
 */
export function GroupSearch(props: { onPick: (group: GroupView) => void }): JSX.Element {
  const [text, setText] = React.useState("");
  const query = useDebounced(text.trim(), 300);
  const groups = useAsync(query ? () => usersService.searchGroups(query).then((r) => r.groups) : null, query);
  return (
    <div className="flex-column rhythm-vertical-8">
      <TextField
        value={text}
        onChange={(_, value) => setText(value)}
        placeholder="Type the name of a group"
        ariaLabel="Group name"
        inputClassName={GROUP_SEARCH_INPUT.slice(1)}
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
                onClick={() => props.onPick(g)}
                ariaLabel={`${g.displayName} (${g.source})`}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The picked group, with the way back to the search. It takes the focus: the result the
 * keyboard was on is gone, and focus left on nothing would fall out of the panel.
 */
export function ChosenGroup(props: { group: GroupView; onClear: () => void }): JSX.Element {
  return (
    <div className="flex-row flex-center rhythm-horizontal-8">
      <span className="font-weight-semibold">{props.group.displayName}</span>
      <span className="secondary-text">{props.group.source}</span>
      <Button text="Choose another group" subtle={true} autoFocus={true} onClick={props.onClear} />
    </div>
  );
}
