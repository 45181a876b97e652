import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { ActivityTypesSection } from "./activity-types-section";
import { RulesSection } from "./rules-section";

/**
 * Settings (Administrators): Rules, activity types and REST API tokens.
 * The API tokens section belongs to user management (src/hub/settings/api-tokens-section.tsx);
 * until it exists this tab keeps its place below.
 */
export function SettingsTab(): JSX.Element {
  return (
    <div className="flex-column rhythm-vertical-16">
      <RulesSection />
      <ActivityTypesSection />
      <ApiTokensSlot />
    </div>
  );
}

/** SLOT: replace with `<ApiTokensSection />` from "./api-tokens-section" once user management provides it. */
function ApiTokensSlot(): JSX.Element {
  return (
    <Card titleProps={{ text: "API tokens" }}>
      <div className="secondary-text">REST API tokens (yours; everyone's for Administrators) are managed here once that feature ships.</div>
    </Card>
  );
}
