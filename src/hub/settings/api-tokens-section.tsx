import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Card } from "azure-devops-ui/Card";
import { ClipboardButton } from "azure-devops-ui/Clipboard";
import { FormItem } from "azure-devops-ui/FormItem";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { TextField } from "azure-devops-ui/TextField";
import { ErrorCard } from "../../components/error-card";
import { ConfirmRevokeDialog } from "./confirm-revoke-dialog";
import { ServiceAccountSection } from "../../permissions/service-account-section";
import { useAction } from "../../common/use-action";
import { usersService, type ApiTokenView } from "../../services/users-service";

export interface ApiTokensSectionProps {
  /** Project Collection Administrators also see the service account (they alone may set it). */
  isPca: boolean;
}

/**
 * Settings › API tokens: REST API tokens for scripts (7pace-compatible /api/rest/users/roles).
 * A new token is shown once; the list shows names and hints only. Administrators see and
 * revoke everyone's tokens, others their own.
 */
export function ApiTokensSection(props: ApiTokensSectionProps): JSX.Element {
  const [tokens, setTokens] = React.useState<{ tokens: ApiTokenView[]; scope: "own" | "all" } | null>(null);
  const [name, setName] = React.useState("");
  const [created, setCreated] = React.useState<{ name: string; secret: string } | null>(null);
  const [error, setError] = React.useState<Error | null>(null);
  const reload = React.useCallback(
    () =>
      usersService.tokens().then(setTokens, (e: unknown) => setError(e instanceof Error ? e : new Error(String(e)))),
    [],
  );
  React.useEffect(() => void reload(), [reload]);

  const create = useAction(
    () => usersService.createToken(name.trim()),
    (answer) => (
      setCreated({ name: answer.token.name, secret: answer.secret }),
      setName(""),
      setError(null),
      void reload()
    ),
    setError,
  );
  const revoke = useAction(
    (id: string) => usersService.revokeToken(id),
    () => (setError(null), void reload()),
    setError,
  );
  const [confirming, setConfirming] = React.useState<ApiTokenView | null>(null);

  return (
    <div className="flex-column rhythm-vertical-16">
      <Card titleProps={{ text: "API tokens" }} className="api-tokens">
        <div className="flex-column rhythm-vertical-16">
          <div className="secondary-text">
            Scripts call the Timetracker REST API (for example /api/rest/users/roles) with a token: send it as
            “Authorization: Bearer &lt;token&gt;”, or as Basic authentication with an empty user name. At most 10
            requests per second and 100 per minute per token.
          </div>
          <div className="flex-row flex-end rhythm-horizontal-8">
            <FormItem label="Token name" className="flex-grow">
              <TextField
                value={name}
                onChange={(_, value) => setName(value)}
                maxLength={80}
                ariaLabel="Token name"
                placeholder="e.g. Nightly group sync"
              />
            </FormItem>
            <Button
              text="Create token"
              primary={true}
              disabled={name.trim() === "" || create.busy}
              onClick={() => create.run()}
            />
          </div>
          {created ? (
            <MessageCard severity={MessageCardSeverity.Warning} onDismiss={() => setCreated(null)}>
              <div className="flex-column rhythm-vertical-8">
                <div>Copy the token “{created.name}” now: it is shown only once.</div>
                <div className="flex-row flex-center rhythm-horizontal-8">
                  <code className="new-token" aria-label="New token">
                    {created.secret}
                  </code>
                  <ClipboardButton getContent={() => created.secret} ariaLabel="Copy the token" />
                </div>
              </div>
            </MessageCard>
          ) : null}
          {error ? <ErrorCard error={error} /> : null}
          {tokens === null ? null : tokens.tokens.length === 0 ? (
            <div className="secondary-text">No tokens yet.</div>
          ) : (
            <table className="api-token-list">
              <caption className="secondary-text">
                {tokens.scope === "all" ? "Everyone's tokens" : "Your tokens"}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Token</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="screen-reader-only">Revoke</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.tokens.map((t) => (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>
                      <code>{t.hint}</code>
                    </td>
                    <td>{t.owner.displayName}</td>
                    <td>{new Date(t.createdAt).toLocaleDateString()}</td>
                    <td>{t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString() : "never"}</td>
                    <td>
                      <Button
                        text="Revoke"
                        danger={true}
                        disabled={revoke.busy}
                        ariaLabel={`Revoke ${t.name}`}
                        onClick={() => setConfirming(t)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </Card>
      {props.isPca ? <ServiceAccountSection isPca={true} /> : null}
      {confirming ? (
        <ConfirmRevokeDialog
          tokenName={confirming.name}
          onDismiss={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            revoke.run(confirming.id);
          }}
        />
      ) : null}
    </div>
  );
}
