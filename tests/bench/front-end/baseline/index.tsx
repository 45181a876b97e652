// The smallest page built like our contributions: the SDK handshake, one azure-devops-ui
// component, and the load notification after the first render. Front-end benchmarks divide
// our pages' size and first-render time by this page's.
import "azure-devops-ui/Core/override.css";
import * as SDK from "azure-devops-extension-sdk";
import { Header } from "azure-devops-ui/Header";
import { Page } from "azure-devops-ui/Page";
import * as React from "react";
import * as ReactDOM from "react-dom";

function BaselinePage(): JSX.Element {
  React.useEffect(() => void SDK.notifyLoadSucceeded(), []);
  return (
    <Page className="flex-grow">
      <Header title="Baseline" />
    </Page>
  );
}

void SDK.init({ applyTheme: true, loaded: false }).then(() => {
  ReactDOM.render(<BaselinePage />, document.getElementById("root"));
});
