import * as React from "react";
import { Tab, TabBar, TabSize } from "azure-devops-ui/Tabs";
import { AsyncContent } from "../components/async-content";
import { LockedDoor } from "../components/locked-door";
import { PageLayout } from "../components/page-layout";
import { TrialBar } from "../components/trial-bar";
import { useMe } from "../common/use-me";
import { BillingTab } from "./billing-tab";
import { hostQueryParams } from "../services/navigation";
import { requestedUsers, type View } from "./flow";
import { InvoicesTab } from "./invoices-tab";
import { SubscriptionTab } from "./subscription-tab";

type TabId = "subscription" | "billing" | "invoices";

export const PCA_ONLY_REASON = "Only Project Collection Administrators have access to the Subscription page.";

/** Organization Settings › Timetracker Subscription: PCAs only, whatever their Timetracker role. */
export function SubscriptionPage(): JSX.Element {
  const me = useMe();
  return (
    <AsyncContent state={me}>
      {(me) =>
        me.isPca ? (
          <SubscriptionManager />
        ) : (
          <PageLayout title="Timetracker Subscription">
            <LockedDoor reason={PCA_ONLY_REASON} />
          </PageLayout>
        )
      }
    </AsyncContent>
  );
}

function SubscriptionManager(): JSX.Element {
  const [tab, setTab] = React.useState<TabId>("subscription");
  const [view, setView] = React.useState<View>({ name: "overview" });
  // The bar is for the trial only; it goes as soon as this page sees a plan bought.
  const [inTrial, setInTrial] = React.useState(true);
  // Opened from the Permissions page for the users a change needs (?users=8): their plan selection.
  React.useEffect(() => {
    let live = true;
    hostQueryParams().then(
      (query) => {
        const seats = requestedUsers(query);
        if (live && seats !== null) setView((v) => (v.name === "overview" ? { name: "requested", seats } : v));
      },
      () => undefined, // a host without query parameters opens on the Activation Information
    );
    return () => {
      live = false;
    };
  }, []);
  const buyNow = () => {
    setTab("subscription");
    setView({ name: "plans", purpose: "buy" });
  };
  return (
    <div className="flex-column flex-grow">
      {inTrial ? <TrialBar onBuyNow={buyNow} /> : null}
      <PageLayout title="Timetracker Subscription">
        <TabBar selectedTabId={tab} onSelectedTabChanged={(id) => setTab(id as TabId)} tabSize={TabSize.Compact}>
          <Tab id="subscription" name="Subscription" />
          <Tab id="billing" name="Billing" />
          <Tab id="invoices" name="Invoices" />
        </TabBar>
        {tab === "subscription" ? (
          <SubscriptionTab view={view} onViewChange={setView} onOverview={(o) => setInTrial(o.state === "trial")} />
        ) : null}
        {tab === "billing" ? <BillingTab /> : null}
        {tab === "invoices" ? <InvoicesTab /> : null}
      </PageLayout>
    </div>
  );
}
