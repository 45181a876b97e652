import "../time/time.css";
import * as React from "react";
import { Header, TitleSize } from "azure-devops-ui/Header";
import { Page } from "azure-devops-ui/Page";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { Tab, TabBar, TabSize } from "azure-devops-ui/Tabs";
import { ErrorCard } from "../components/error-card";
import { LockedDoor } from "../components/locked-door";
import { useMe } from "../common/use-me";
import { openPermissionsPage, openSubscriptionPage } from "../services/navigation";
import { getCurrentUser } from "../services/sdk-context";
import { getTimeContext, type TimeContextResponse } from "../services/time-service";
import { useTimeData } from "../time/use-time-data";
import { MyTime } from "./my-time/my-time";
import { SettingsTab } from "./settings/settings-tab";
import { TimesExplorer } from "./times-explorer/times-explorer";

type TabId = "my-time" | "times-explorer" | "settings";

/** The Timetracker hub: My time, Times Explorer and, for Administrators, Settings. */
export function HubPage(): JSX.Element {
  const [context] = useTimeData(() => getTimeContext());
  return (
    <Page className="flex-grow">
      <Header title="Timetracker" titleSize={TitleSize.Large} />
      {context.status === "loading" && (
        <Spinner className="margin-top-16" size={SpinnerSize.large} label="Loading..." />
      )}
      {context.status === "failed" && (
        <div className="page-content page-content-top">
          <ErrorCard error={context.error} />
        </div>
      )}
      {context.status === "denied" && <HubLockedDoor reason={context.message} />}
      {context.status === "ready" && <HubTabs context={context.value} />}
    </Page>
  );
}

function HubTabs(props: { context: TimeContextResponse }): JSX.Element {
  const { capabilities } = props.context;
  const [tab, setTab] = React.useState<TabId>("my-time");
  const user = getCurrentUser();
  const me = { id: user.id, displayName: user.displayName };
  return (
    <>
      <TabBar selectedTabId={tab} onSelectedTabChanged={(id) => setTab(id as TabId)} tabSize={TabSize.Tall}>
        <Tab name="My time" id="my-time" />
        <Tab name="Times Explorer" id="times-explorer" />
        {capabilities.manageSettings && <Tab name="Settings" id="settings" />}
      </TabBar>
      <div className="page-content page-content-top flex-column rhythm-vertical-16">
        {tab === "my-time" && <MyTime me={me} capabilities={capabilities} />}
        {tab === "times-explorer" && <TimesExplorer me={me} capabilities={capabilities} />}
        {tab === "settings" && capabilities.manageSettings && <SettingsTab />}
      </div>
    </>
  );
}

/** "This door is locked", with the backend's reason and, for PCAs, the way to open it. */
function HubLockedDoor(props: { reason: string }): JSX.Element {
  const me = useMe();
  const isPca = me.status === "ready" && me.value.isPca;
  const planEnded = me.status === "ready" && me.value.licensed;
  const action = isPca
    ? planEnded
      ? { text: "Open Subscription", onClick: openSubscriptionPage }
      : { text: "Open Permissions", onClick: openPermissionsPage }
    : undefined;
  return <LockedDoor reason={props.reason} action={action} />;
}
