import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { TextField, TextFieldStyle } from "azure-devops-ui/TextField";
import { ErrorCard } from "../components/error-card";
import { usersService, type DirectoryUserView } from "../services/users-service";
import { PeopleTable, selectedItems } from "./people-table";
import { useSelection } from "./use-selection";

type Found =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "ready"; email: string; users: DirectoryUserView[] }
  | { status: "failed"; error: Error };

/**
 * Add by e-mail address: Azure DevOps finds the user (Identities API, on Services and Server
 * alike); a user without a license can then be picked. A licensed one is shown, not pickable.
 */
export function UserByEmail(props: { onPick: (users: DirectoryUserView[]) => void }): JSX.Element {
  const [text, setText] = React.useState("");
  const [found, setFound] = React.useState<Found>({ status: "idle" });
  const users = found.status === "ready" ? found.users : NO_USERS;
  const { selection, count } = useSelection(found.status === "ready" ? found.email : "", users.length);
  const onPick = props.onPick;

  React.useEffect(() => {
    selection.clearUnselectable();
    users.forEach((u, i) => u.licensed && selection.addUnselectable(i));
  }, [users, selection]);
  React.useEffect(() => onPick(selectedItems(selection, users)), [count, users, selection, onPick]);

  const find = () => {
    const email = text.trim();
    if (!email) return;
    setFound({ status: "loading" });
    usersService.lookupByEmail(email).then(
      (r) => setFound({ status: "ready", email, users: r.users }),
      (error: unknown) =>
        setFound({ status: "failed", error: error instanceof Error ? error : new Error(String(error)) }),
    );
  };

  return (
    <div className="flex-column rhythm-vertical-8">
      <div className="flex-row flex-center rhythm-horizontal-8">
        <TextField
          value={text}
          onChange={(_, value) => setText(value)}
          onKeyDown={(e) => e.key === "Enter" && find()}
          placeholder="name@example.com"
          ariaLabel="E-mail address"
          prefixIconProps={{ iconName: "Mail" }}
          style={TextFieldStyle.inline}
        />
        <Button text="Find" onClick={find} disabled={!text.trim() || found.status === "loading"} />
      </div>
      {found.status === "loading" ? <Spinner size={SpinnerSize.small} label="Finding the user..." /> : null}
      {found.status === "failed" ? <ErrorCard error={found.error} /> : null}
      {found.status === "ready" && users.length === 0 ? (
        <div className="secondary-text">No user with the e-mail address “{found.email}” in this organization.</div>
      ) : null}
      {found.status === "ready" && users.length > 0 ? (
        <div className="panel-table">
          <PeopleTable<DirectoryUserView>
            ariaLabel={`User with the e-mail address ${found.email}`}
            items={users}
            hasMore={false}
            onLoadMore={() => undefined}
            selection={selection}
            roleHeader="Timetracker role"
          />
        </div>
      ) : null}
    </div>
  );
}

const NO_USERS: DirectoryUserView[] = [];
