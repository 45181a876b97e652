import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Card } from "azure-devops-ui/Card";
import { FormItem } from "azure-devops-ui/FormItem";
import { TextField } from "azure-devops-ui/TextField";
import { ErrorCard } from "../components/error-card";
import { ApiError, fieldIssue } from "../services/api-error";
import { usersService, type ServiceAccountResponse } from "../services/users-service";
import { useAction } from "../common/use-action";

const PAT_HINT =
  "Scopes: Graph (read), Identity (read), Member Entitlement Management (read). Stored encrypted; never shown again.";

/**
 * The organization's service account: a PAT (Graph, Identity and Member Entitlement
 * Management read) the REST API uses to look users up when no user is present. Saved by a
 * PCA, stored encrypted, never shown again.
 */
export function ServiceAccountSection(props: { isPca: boolean }): JSX.Element {
  const [account, setAccount] = React.useState<ServiceAccountResponse | null>(null);
  const [pat, setPat] = React.useState("");
  const [error, setError] = React.useState<Error | null>(null);
  React.useEffect(() => {
    usersService
      .serviceAccount()
      .then(setAccount, (e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
  }, []);
  const done = (next: ServiceAccountResponse) => (setAccount(next), setPat(""), setError(null));
  const save = useAction(() => usersService.saveServiceAccount(pat.trim()), done, setError);
  const remove = useAction(() => usersService.removeServiceAccount(), done, setError);
  // What the server found wrong with the token itself is said under the field, not in a card.
  const patIssue = error instanceof ApiError ? fieldIssue(error, "pat") : null;

  return (
    <Card titleProps={{ text: "Service account" }} className="service-account">
      <div className="flex-column rhythm-vertical-16">
        <div aria-live="polite">
          {account === null
            ? "Loading..."
            : account.configured
              ? `Configured: ${account.account?.displayName ?? "an account"}'s personal access token, saved by ${account.savedBy?.displayName ?? "a PCA"} on ${account.savedAt ? new Date(account.savedAt).toLocaleDateString() : "?"}.`
              : "Not configured. The REST API cannot look up users Timetracker has not seen yet until a Project Collection Administrator saves one."}
        </div>
        {props.isPca ? (
          <FormItem label="Personal access token" message={patIssue ?? PAT_HINT} error={patIssue !== null}>
            {/* The buttons sit on the input's line; the hint (or what is wrong) goes under both. */}
            <div className="flex-row flex-center rhythm-horizontal-8">
              <div className="flex-grow">
                <TextField
                  value={pat}
                  onChange={(_, value) => (setPat(value), setError(null))}
                  inputType="password"
                  ariaLabel="Personal access token"
                  autoComplete={false}
                />
              </div>
              <Button text="Save" primary={true} disabled={pat.trim() === "" || save.busy} onClick={() => save.run()} />
              {account?.configured ? (
                <Button text="Remove" danger={true} disabled={remove.busy} onClick={() => remove.run()} />
              ) : null}
            </div>
          </FormItem>
        ) : (
          <div className="secondary-text">Only Project Collection Administrators can set the service account.</div>
        )}
        {error && patIssue === null ? <ErrorCard error={error} /> : null}
      </div>
    </Card>
  );
}
