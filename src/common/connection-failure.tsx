import * as React from "react";
import { ZeroData } from "azure-devops-ui/ZeroData";

/** Shown when the host never answered the SDK handshake (page opened outside Azure DevOps, host error). */
export function ConnectionFailure(props: { waitedMs: number }): JSX.Element {
  const seconds = Math.round(props.waitedMs / 1000);
  return (
    <ZeroData
      className="flex-grow"
      iconProps={{ iconName: "PlugDisconnected" }}
      imageAltText=""
      primaryText="Timetracker could not connect to Azure DevOps"
      secondaryText={
        `Azure DevOps did not answer within ${seconds} seconds. Reload the page. ` +
        "Timetracker pages only work inside Azure DevOps, not opened on their own."
      }
    />
  );
}
