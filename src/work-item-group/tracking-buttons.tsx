import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { ButtonGroup } from "azure-devops-ui/ButtonGroup";
import { formatClock } from "../time/duration";

export interface TrackingButtonsProps {
  /** Seconds the user's timer has run; null when no timer runs. */
  runningSeconds: number | null;
  /** Buttons wait for a saved work item and for a pending action. */
  disabled: boolean;
  onStartTracking: () => void;
  onStopTracking: () => void;
  onAddTime: () => void;
}

/** Start Tracking (Stop Tracking with the running time while a timer runs) and Add Time. */
export function TrackingButtons(props: TrackingButtonsProps): JSX.Element {
  const running = props.runningSeconds !== null;
  return (
    <ButtonGroup>
      {running ? (
        <Button
          primary
          text={`Stop Tracking ${formatClock(props.runningSeconds!)}`}
          iconProps={{ iconName: "Stop" }}
          onClick={props.onStopTracking}
          disabled={props.disabled}
        />
      ) : (
        <Button
          primary
          text="Start Tracking"
          iconProps={{ iconName: "Play" }}
          onClick={props.onStartTracking}
          disabled={props.disabled}
        />
      )}
      <Button text="Add Time" iconProps={{ iconName: "Add" }} onClick={props.onAddTime} disabled={props.disabled} />
    </ButtonGroup>
  );
}
