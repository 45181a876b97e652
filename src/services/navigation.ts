import * as SDK from "azure-devops-extension-sdk";
import type { IHostNavigationService, ILocationService } from "azure-devops-extension-api";
import { ContributionIds, HostServiceIds } from "./contribution-ids";
import { getFullContributionId } from "./sdk-context";

export type AdminPage = "permissions" | "subscription";

const adminHubs: Record<AdminPage, string> = {
  permissions: ContributionIds.permissionsHub,
  subscription: ContributionIds.subscriptionHub,
};

/**
 * URL of one of our Organization Settings hubs. Azure DevOps serves contributed
 * collection-admin hubs at `<collection url>/_settings/<full contribution id>`; the
 * collection URL comes from the host so the same code works on Azure DevOps Server.
 */
export async function getAdminPageUrl(page: AdminPage): Promise<string> {
  const locations = await SDK.getService<ILocationService>(HostServiceIds.location);
  const collectionUrl = await locations.getServiceLocation();
  return `${collectionUrl.replace(/\/+$/, "")}/_settings/${getFullContributionId(adminHubs[page])}`;
}

/** Navigates the whole Azure DevOps page (not just our frame) to an admin page. */
export async function openAdminPage(page: AdminPage): Promise<void> {
  const [navigation, url] = await Promise.all([
    SDK.getService<IHostNavigationService>(HostServiceIds.hostNavigation),
    getAdminPageUrl(page),
  ]);
  navigation.navigate(url);
}

export const openPermissionsPage = (): Promise<void> => openAdminPage("permissions");
export const openSubscriptionPage = (): Promise<void> => openAdminPage("subscription");

/** Navigates the whole Azure DevOps page to an address the backend gave (the Subscription page for N users). */
export async function openHostUrl(url: string): Promise<void> {
  const navigation = await SDK.getService<IHostNavigationService>(HostServiceIds.hostNavigation);
  navigation.navigate(url);
}

/** The page address's query parameters (`?users=8`): a hub's frame has its own address, so the host reads them. */
export async function hostQueryParams(): Promise<Record<string, string>> {
  const navigation = await SDK.getService<IHostNavigationService>(HostServiceIds.hostNavigation);
  return navigation.getQueryParams();
}
