import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { ZeroData } from "azure-devops-ui/ZeroData";

export interface ErrorBoundaryProps {
  /** Told about every render error (the bootstrap reports it to the host). */
  onError?: (error: Error) => void;
  children: React.ReactNode;
}

interface ErrorBoundaryState {
  error?: Error;
}

/** Last line of defence: a readable panel instead of a blank frame when rendering throws. */
export class ErrorBoundary extends React.Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {};

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error): void {
    this.props.onError?.(error);
  }

  override render(): React.ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <ZeroData
        className="flex-grow"
        iconProps={{ iconName: "Error" }}
        imageAltText=""
        primaryText="Something went wrong in Timetracker"
        secondaryText={error.message}
        renderAction={() => <Button text="Reload" onClick={() => window.location.reload()} />}
      />
    );
  }
}
