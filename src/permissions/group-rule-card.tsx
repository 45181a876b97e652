import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Card } from "azure-devops-ui/Card";
import { Link } from "azure-devops-ui/Link";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Spinner, SpinnerOrientation, SpinnerSize } from "azure-devops-ui/Spinner";
import type { GroupRuleView } from "../services/group-rules-service";
import { openHostUrl } from "../services/navigation";
import { heldText, namedAndMore, personName, problemText, syncStatusText, waitingText } from "./group-rule-text";
import { usersText } from "./users-text";

export interface GroupRuleCardProps {
  rule: GroupRuleView;
  /** Only Project Collection Administrators are sent to the Subscription page for seats. */
  isPca: boolean;
  /** This rule's own Sync now runs (Sync now for every rule shows its progress once, above the list). */
  syncing: boolean;
  /** An action runs: this rule's buttons wait. */
  busy: boolean;
  onSync: () => void;
  onDelete: () => void;
  onConfirmRemovals: () => void;
}

/** Who waits for a seat, in the order they will get one; folded until asked for. */
function WaitingList(props: { rule: GroupRuleView; isPca: boolean }): JSX.Element | null {
  const [open, setOpen] = React.useState(false);
  const { waiting, addSeats } = props.rule.sync;
  if (waiting.count === 0) return null;
  const { named, more } = namedAndMore(waiting);
  const listId = `waiting-${props.rule.id}`;
  return (
    <div className="flex-column rhythm-vertical-4">
      <div className="flex-row flex-center rhythm-horizontal-8">
        <span className="font-weight-semibold">{waitingText(waiting.count)}</span>
        <Button
          subtle={true}
          text={open ? "Hide" : "Show in order"}
          ariaExpanded={open}
          ariaControls={listId}
          onClick={() => setOpen(!open)}
        />
      </div>
      {addSeats ? <AddSeatsLine addSeats={addSeats} isPca={props.isPca} /> : null}
      {open ? (
        <div id={listId} className="flex-column rhythm-vertical-4">
          <ol className="waiting-list" aria-label="Waiting for a seat, first in line first">
            {named.map((p, i) => (
              <li key={p.id}>
                {/* The number is written out: the theme's list reset hides an ordered list's markers. */}
                <span className="secondary-text waiting-place">{`${i + 1}.`}</span> {personName(p)}{" "}
                <span className="secondary-text">{p.email}</span>
              </li>
            ))}
          </ol>
          {more > 0 ? <div className="secondary-text">{`and ${usersText(more)} more after them`}</div> : null}
        </div>
      ) : null}
    </div>
  );
}

/** Where the seats the waiting members need are added, as the server worked them out; only PCAs can add them. */
function AddSeatsLine(props: {
  addSeats: NonNullable<GroupRuleView["sync"]["addSeats"]>;
  isPca: boolean;
}): JSX.Element {
  const { seatsMissing, subscriptionUrl } = props.addSeats;
  const seats = seatsMissing === 1 ? "1 seat" : `${seatsMissing.toLocaleString("en")} seats`;
  return props.isPca ? (
    <Link href={subscriptionUrl} onClick={(e) => (e.preventDefault(), void openHostUrl(subscriptionUrl))}>
      {`Add ${seats} on the Subscription page`}
    </Link>
  ) : (
    <span className="secondary-text">{`Ask a Project Collection Administrator to add ${seats} on the Subscription page.`}</span>
  );
}

/** One rule: its group and role, what it licenses, how its syncs go, and what it needs from you. */
export function GroupRuleCard(props: GroupRuleCardProps): JSX.Element {
  const { rule } = props;
  const { sync } = rule;
  const name = rule.group.displayName;
  const time = sync.lastRunAt ?? sync.lastSuccessAt;
  return (
    <Card
      className="group-rule"
      titleProps={{ text: name, ariaLevel: 3 }}
      headerDescriptionProps={{ text: `${rule.group.source} · ${rule.group.principalName}` }}
    >
      <div className="flex-column rhythm-vertical-8 flex-grow">
        <div className="flex-row flex-center flex-wrap rule-facts">
          <span>
            Role <span className="font-weight-semibold">{rule.roleLabel}</span>
          </span>
          <span className="font-weight-semibold">{`${rule.licensed.toLocaleString("en")} licensed`}</span>
          {sync.groupMembers !== null ? (
            <span className="secondary-text">{`${usersText(sync.groupMembers)} in the group`}</span>
          ) : null}
          <span className="secondary-text">
            {time ? <time dateTime={time}>{syncStatusText(sync)}</time> : syncStatusText(sync)}
          </span>
        </div>
        {sync.problem ? (
          <MessageCard severity={MessageCardSeverity.Error} role="alert">
            {problemText(sync.problem)}
          </MessageCard>
        ) : null}
        {sync.heldRemovals ? (
          <MessageCard
            severity={MessageCardSeverity.Warning}
            buttonProps={[
              {
                text: "Confirm removals",
                ariaLabel: `Confirm removals from the rule for ${name}`,
                disabled: props.busy,
                onClick: props.onConfirmRemovals,
              },
            ]}
          >
            {heldText(sync.heldRemovals)}
          </MessageCard>
        ) : null}
        <WaitingList rule={rule} isPca={props.isPca} />
        <div className="flex-row flex-center rhythm-horizontal-8">
          <Button
            text="Sync now"
            iconProps={{ iconName: "Refresh" }}
            ariaLabel={`Sync now: ${name}`}
            disabled={props.busy}
            onClick={props.onSync}
          />
          <Button
            text="Delete"
            iconProps={{ iconName: "Delete" }}
            ariaLabel={`Delete the rule for ${name}`}
            subtle={true}
            disabled={props.busy}
            onClick={props.onDelete}
          />
          {props.syncing ? (
            <Spinner size={SpinnerSize.small} orientation={SpinnerOrientation.row} label={`Syncing ${name}...`} />
          ) : null}
        </div>
      </div>
    </Card>
  );
}
