import "azure-devops-ui/Core/override.css";
import * as React from "react";
import * as ReactDOM from "react-dom";
import { TrialBar } from "../components/trial-bar";
import { initSdk, reportLoadFailed, reportLoadSucceeded } from "../services/sdk-lifecycle";
import { ErrorBoundary } from "./error-boundary";
import { HostConnection } from "./host-connection";

export interface RootOptions {
  /** How long to wait for the host's handshake before showing the failure panel. */
  initTimeoutMs?: number;
  /** Full Timetracker pages show the trial bar (PCAs only, during the trial) above the page. */
  trialBar?: boolean;
}

export const DEFAULT_INIT_TIMEOUT_MS = 5_000;

/**
 * Entry point of every contribution page with UI: connects to the host (theme applied,
 * host loading indicator kept until our first real render), then renders `element` into
 * #root inside an error boundary.
 */
export function showRootComponent(element: React.ReactElement, options: RootOptions = {}): void {
  const container = document.getElementById("root");
  if (!container) throw new Error("The page has no #root element.");
  const connecting = initSdk({ showsUi: true });
  ReactDOM.render(
    <ErrorBoundary onError={reportLoadFailed}>
      <HostConnection
        connecting={connecting}
        timeoutMs={options.initTimeoutMs ?? DEFAULT_INIT_TIMEOUT_MS}
        onConnectedRender={reportLoadSucceeded}
      >
        {options.trialBar ? (
          <div className="flex-column flex-grow">
            <TrialBar />
            {element}
          </div>
        ) : (
          element
        )}
      </HostConnection>
    </ErrorBoundary>,
    container,
  );
  unmountWhenTornDown(container);
}

/**
 * Unmounts the page while its document is still attached, when the host removes the frame.
 * React 16's development build runs every commit inside a fake DOM event; in a detached
 * document that event is never delivered, so React takes each commit for a thrown error and
 * retries forever (fixed in React 17, facebook/react#19220). A reply that lands just after the
 * frame is gone (a fetch, a host message) would then spin in the detached frame, freezing every
 * frame that shares its thread: the whole tab in the dev host, which serves frames from its own
 * origin. Once unmounted, late state updates have nothing to render. A page kept for the
 * back-forward cache (`persisted`) is only frozen and may come back, so it stays mounted.
 */
function unmountWhenTornDown(container: HTMLElement): void {
  window.addEventListener("pagehide", (event) => {
    if (!event.persisted) ReactDOM.unmountComponentAtNode(container);
  });
}
