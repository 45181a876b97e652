import * as React from "react";
import { Icon } from "azure-devops-ui/Icon";
import { Link } from "azure-devops-ui/Link";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { MAX_ASSIGN_USERS } from "../../functions/contracts/users";
import { openHostUrl } from "../services/navigation";
import type { AssignRolesPreviewResponse } from "../services/users-service";
import { usersText } from "./status-message";
import type { PreviewState } from "./use-role-preview";

export interface SeatImpactNoteProps {
  state: PreviewState;
  /** Only Project Collection Administrators can add seats; others are told whom to ask. */
  isPca: boolean;
  /** What the line is about, e.g. "None" in the role picker. */
  label?: string;
}

/**
 * What a step does to seats, as the server decided it before the step is taken: one line
 * when it fits ("Uses 4 of 6 free seats"), and when it does not, the missing seats, what
 * adding them costs and the way to the Subscription page for that many users.
 */
export function SeatImpactNote(props: SeatImpactNoteProps): JSX.Element | null {
  const { state } = props;
  const prefix = props.label ? `${props.label}: ` : "";
  switch (state.status) {
    case "idle":
      return null;
    case "loading":
      return (
        <div className="secondary-text seat-impact" role="status">
          {prefix}Checking seats...
        </div>
      );
    case "too-many":
      return (
        <div className="secondary-text seat-impact" role="status">
          {prefix}What this does to seats is shown for up to {usersText(MAX_ASSIGN_USERS)} at a time.
        </div>
      );
    case "failed":
      return (
        <div className="secondary-text seat-impact" role="status">
          {prefix}Could not check seats: {state.error.message}
        </div>
      );
    case "ready":
      return state.value.fits ? (
        <FitsLine impact={state.value} prefix={prefix} />
      ) : (
        <Shortfall impact={state.value} prefix={prefix} isPca={props.isPca} />
      );
  }
}

function FitsLine(props: { impact: AssignRolesPreviewResponse; prefix: string }): JSX.Element {
  const { impact } = props;
  return (
    <div className="flex-column rhythm-vertical-4 seat-impact" role="status" aria-live="polite">
      <div className="flex-row flex-center rhythm-horizontal-4">
        <Icon iconName="People" />
        <span className="font-weight-semibold">
          {props.prefix}
          {impact.summary}
        </span>
      </div>
      {impact.savingText ? <div className="secondary-text">{impact.savingText}</div> : null}
      <Problems impact={impact} />
    </div>
  );
}

function Shortfall(props: { impact: AssignRolesPreviewResponse; prefix: string; isPca: boolean }): JSX.Element {
  const { impact } = props;
  return (
    <MessageCard severity={MessageCardSeverity.Warning} className="seat-impact" role="alert">
      <div className="flex-column rhythm-vertical-4">
        <span className="font-weight-semibold">
          {props.prefix}
          {impact.summary}
        </span>
        {impact.costText ? <span>{impact.costText}</span> : null}
        {props.isPca ? (
          <Link
            href={impact.subscriptionUrl}
            onClick={(e) => (e.preventDefault(), void openHostUrl(impact.subscriptionUrl))}
          >
            Add seats on the Subscription page
          </Link>
        ) : (
          <span>Ask a Project Collection Administrator to add seats on the Subscription page.</span>
        )}
        <Problems impact={impact} />
      </div>
    </MessageCard>
  );
}

/** Users the change cannot apply to, known before applying (the first reason in words). */
function Problems(props: { impact: AssignRolesPreviewResponse }): JSX.Element | null {
  const { problems } = props.impact;
  if (problems.length === 0) return null;
  return (
    <div className="secondary-text">
      {problems.length === 1
        ? problems[0].message
        : `${usersText(problems.length)} cannot be changed: ${problems[0].message}`}
    </div>
  );
}
