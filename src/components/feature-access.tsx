import * as React from "react";
import type { MeResponse } from "../services/contracts";
import { inactivePlanMessage } from "./access-text";
import { NoAccessMessage } from "./no-access-message";

/**
 * A work item feature (buttons, Time page, dialog) for users who may use it; otherwise the
 * product's "no access" wording, or why the organization's plan does not allow use now.
 */
export function FeatureAccess(props: { me: MeResponse; children: React.ReactNode }): JSX.Element {
  const { me } = props;
  if (!me.licensed) return <NoAccessMessage />;
  if (!me.hasAccess) return <div className="secondary-text">{inactivePlanMessage(me.plan)}</div>;
  return <>{props.children}</>;
}
