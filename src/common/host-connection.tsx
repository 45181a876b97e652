import * as React from "react";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { ConnectionFailure } from "./connection-failure";

export interface HostConnectionProps {
  /** The SDK handshake; it never settles when no host answers. */
  connecting: Promise<void>;
  timeoutMs: number;
  /** Called once, after the first render of the connected children (their effects ran). */
  onConnectedRender: () => void;
  children: React.ReactNode;
}

type Phase = "connecting" | "connected" | "timed-out";

/**
 * Renders children only once the host handshake completed (they read SDK context), a spinner
 * meanwhile, and a failure panel when the host stays silent. A late handshake still wins.
 */
export function HostConnection(props: HostConnectionProps): JSX.Element {
  const { connecting, timeoutMs, onConnectedRender } = props;
  const [phase, setPhase] = React.useState<Phase>("connecting");

  React.useEffect(() => {
    let live = true;
    const timer = setTimeout(() => live && setPhase((p) => (p === "connecting" ? "timed-out" : p)), timeoutMs);
    connecting.then(
      () => live && setPhase("connected"),
      () => live && setPhase("timed-out"),
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [connecting, timeoutMs]);

  const reported = React.useRef(false);
  React.useEffect(() => {
    if (phase === "connected" && !reported.current) {
      reported.current = true;
      onConnectedRender();
    }
  }, [phase, onConnectedRender]);

  if (phase === "connected") return <>{props.children}</>;
  if (phase === "timed-out") return <ConnectionFailure waitedMs={timeoutMs} />;
  return <Spinner className="flex-grow" size={SpinnerSize.large} label="Connecting to Azure DevOps..." />;
}
