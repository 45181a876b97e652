import * as React from "react";
import { Icon } from "azure-devops-ui/Icon";

/** The product's wording where a None user on Azure DevOps Server meets a Timetracker feature. */
export function NoAccessMessage(): JSX.Element {
  return (
    <div className="flex-row flex-center rhythm-horizontal-8 secondary-text" role="status">
      <Icon iconName="Lock" />
      <span>You don't have access to this feature.</span>
    </div>
  );
}
