import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { ButtonGroup } from "azure-devops-ui/ButtonGroup";

export interface TrackingButtonsProps {
  onStartTracking: () => void;
  onAddTime: () => void;
}

export function TrackingButtons(props: TrackingButtonsProps): JSX.Element {
  return (
    <ButtonGroup>
      <Button primary text="Start Tracking" iconProps={{ iconName: "Play" }} onClick={props.onStartTracking} />
      <Button text="Add Time" iconProps={{ iconName: "Add" }} onClick={props.onAddTime} />
    </ButtonGroup>
  );
}
