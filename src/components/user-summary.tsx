import * as React from "react";
import type { MeResponse } from "../services/contracts";
import { describeLicense } from "./access-text";

/** Who is signed in, where, and with which Timetracker role. */
export function UserSummary(props: { me: MeResponse }): JSX.Element {
  const { user, org, role, licensed } = props.me;
  const rows: Array<[string, string]> = [
    ["User", user.email ? `${user.displayName} (${user.email})` : user.displayName],
    ["Organization", org.name],
    ["Role", role.label],
    ["License", describeLicense(licensed)],
  ];
  return (
    <dl className="flex-column rhythm-vertical-8 margin-0">
      {rows.map(([label, value]) => (
        <div key={label} className="flex-row rhythm-horizontal-16">
          <dt className="secondary-text" style={{ minWidth: "7rem" }}>
            {label}
          </dt>
          <dd className="margin-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One line: "Signed in as Ada Lovelace (Team)", with the effective role. */
export function SignedInAs(props: { me: MeResponse; className?: string }): JSX.Element {
  return (
    <div className={props.className ?? "secondary-text"}>
      Signed in as {props.me.user.displayName} ({props.me.role.effective})
    </div>
  );
}
