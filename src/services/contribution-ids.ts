/**
 * Contribution ids of vss-extension.json (short form, without "<publisher>.<extension>.").
 * The manifest test checks that each of them exists in the manifest.
 */
export const ContributionIds = {
  hub: "timetracker-hub",
  workItemGroup: "timetracker-work-item-group",
  workItemPage: "timetracker-work-item-page",
  startTrackingAction: "timetracker-start-tracking-action",
  addTimeAction: "timetracker-add-time-action",
  addTimeDialog: "timetracker-add-time-dialog",
  permissionsHub: "timetracker-permissions-hub",
  subscriptionHub: "timetracker-subscription-hub",
} as const;

/** Host service ids (azure-devops-extension-api declares them as ambient const enums, unusable with isolatedModules). */
export const HostServiceIds = {
  hostNavigation: "ms.vss-features.host-navigation-service",
  hostPageLayout: "ms.vss-features.host-page-layout-service",
  location: "ms.vss-features.location-service",
  workItemForm: "ms.vss-work-web.work-item-form",
} as const;
