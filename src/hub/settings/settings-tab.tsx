import * as React from "react";
import { useMe } from "../../common/use-me";
import { ActivityTypesSection } from "./activity-types-section";
import { ApiTokensSection } from "./api-tokens-section";
import { RulesSection } from "./rules-section";

/** Settings (Administrators): Rules, activity types and REST API tokens (PCAs also see the service account). */
export function SettingsTab(): JSX.Element {
  const me = useMe();
  return (
    <div className="flex-column rhythm-vertical-16">
      <RulesSection />
      <ActivityTypesSection />
      <ApiTokensSection isPca={me.status === "ready" && me.value.isPca} />
    </div>
  );
}
