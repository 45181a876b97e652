import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { ErrorCard } from "../components/error-card";
import { usersService, type AuditEntryView } from "../services/users-service";
import { usePagedList } from "./use-paged-list";
import { whenText } from "./when-text";

const SURFACE: Record<AuditEntryView["surface"], string> = {
  "permissions-page": "Permissions page",
  "rest-api": "REST API",
  "default-role": "Default Role",
  "first-user": "first use of Timetracker",
  "auto-default": "first visit (Default role)",
  "group-rule": "group rule",
};
const SHOWN_CHANGES = 5;

function describe(entry: AuditEntryView): string {
  if (entry.defaultRole) return `changed the Default Role from ${entry.defaultRole.from} to ${entry.defaultRole.to}`;
  const roles = new Set(entry.changes.map((c) => c.to));
  if (entry.changes.length === 1) {
    const [c] = entry.changes;
    return `set ${c.user.displayName || c.user.email} ${c.from ? `from ${c.from} ` : ""}to ${c.to}`;
  }
  return roles.size === 1
    ? `set ${entry.changes.length} users to ${[...roles][0]}`
    : `changed the roles of ${entry.changes.length} users`;
}

function ChangeList(props: { entry: AuditEntryView }): JSX.Element | null {
  const [open, setOpen] = React.useState(false);
  const { changes } = props.entry;
  if (changes.length < 2) return null;
  const shown = open ? changes : changes.slice(0, SHOWN_CHANGES);
  return (
    <div className="flex-column">
      <ul className="audit-changes">
        {shown.map((c) => (
          <li key={c.user.id}>{`${c.user.displayName || c.user.email}: ${c.from ?? "no role"} → ${c.to}`}</li>
        ))}
      </ul>
      {changes.length > SHOWN_CHANGES ? (
        <Button
          subtle={true}
          text={open ? "Show fewer" : `Show all ${changes.length}`}
          onClick={() => setOpen(!open)}
        />
      ) : null}
    </div>
  );
}

/** Who changed which roles, when and where: newest first, a page at a time. */
export function AuditTrail(props: { refreshKey: number }): JSX.Element {
  const list = usePagedList(
    (continuation) =>
      usersService.audit(continuation).then((r) => ({ items: r.entries, continuation: r.continuationToken })),
    String(props.refreshKey),
  );
  return (
    <div className="flex-column rhythm-vertical-8 audit-trail">
      {list.error ? <ErrorCard error={list.error} /> : null}
      <ol className="audit-entries" aria-label="Role changes, newest first">
        {list.items.map((entry) => (
          <li key={entry.id} className="audit-entry">
            <div>
              <time dateTime={entry.at} className="secondary-text">
                {whenText(entry.at)}
              </time>{" "}
              <span className="font-weight-semibold">{entry.actor.displayName}</span> {describe(entry)}{" "}
              <span className="secondary-text">({SURFACE[entry.surface]})</span>
            </div>
            <ChangeList entry={entry} />
          </li>
        ))}
      </ol>
      {list.loading ? <Spinner size={SpinnerSize.medium} label="Loading the audit trail..." /> : null}
      {!list.loading && list.items.length === 0 && !list.error ? (
        <div className="secondary-text">No role changes yet.</div>
      ) : null}
      {list.hasMore && !list.loading ? <Button text="Load more" onClick={list.loadMore} /> : null}
    </div>
  );
}
