import * as SDK from "azure-devops-extension-sdk";
import type { IHostNavigationService, ILocationService } from "azure-devops-extension-api";
import { ContributionIds, HostServiceIds } from "./contribution-ids";
import { filterToQuery, type LicensedFilter } from "./licensed-filter";
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
export async function getAdminPageUrl(page: AdminPage, query: Record<string, string> = {}): Promise<string> {
  const locations = await SDK.getService<ILocationService>(HostServiceIds.location);
  const collectionUrl = await locations.getServiceLocation();
  const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== "")).toString();
  return `${collectionUrl.replace(/\/+$/, "")}/_settings/${getFullContributionId(adminHubs[page])}${search ? `?${search}` : ""}`;
}

/** Navigates the whole Azure DevOps page (not just our frame) to an admin page, with query parameters it reads. */
export async function openAdminPage(page: AdminPage, query?: Record<string, string>): Promise<void> {
  const [navigation, url] = await Promise.all([
    SDK.getService<IHostNavigationService>(HostServiceIds.hostNavigation),
    getAdminPageUrl(page, query),
  ]);
  navigation.navigate(url);
}

export const openPermissionsPage = (): Promise<void> => openAdminPage("permissions");
/** Timetracker Permissions with its licensed list filtered (e.g. no time tracked in 90 days). */
export const openLicensedList = (filter: LicensedFilter): Promise<void> =>
  openAdminPage("permissions", filterToQuery(filter));
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

/** Puts a hub's state in the host page's address (empty values remove a parameter). */
export async function setPageQuery(params: Record<string, string>): Promise<void> {
  const navigation = await SDK.getService<IHostNavigationService>(HostServiceIds.hostNavigation);
  navigation.setQueryParams(params);
}
