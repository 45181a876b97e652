import type { HostContribution } from "../shared/config-types";

// Sorting the manifest's contributions into the places Azure DevOps shows them.

const HUB = "ms.vss-web.hub";
const ADMIN_HUB_GROUP = "ms.vss-web.collection-admin-hub-group";

export interface ContributionPlaces {
  /** Project hubs (Boards › …); the first one is route "hub". */
  projectHubs: HostContribution[];
  /** Organization Settings hubs. */
  adminHubs: HostContribution[];
  formGroups: HostContribution[];
  formPages: HostContribution[];
  /** Work item toolbar "..." menu actions. */
  formActions: HostContribution[];
}

export function placeContributions(all: HostContribution[]): ContributionPlaces {
  const hubs = all.filter((c) => c.type === HUB);
  return {
    projectHubs: hubs.filter((c) => !c.targets.includes(ADMIN_HUB_GROUP)),
    adminHubs: hubs.filter((c) => c.targets.includes(ADMIN_HUB_GROUP)),
    formGroups: all.filter((c) => c.type === "ms.vss-work-web.work-item-form-group"),
    formPages: all.filter((c) => c.type === "ms.vss-work-web.work-item-form-page"),
    formActions: all.filter(
      (c) => c.type === "ms.vss-web.action" && c.targets.includes("ms.vss-work-web.work-item-toolbar-menu"),
    ),
  };
}

/**
 * Route slug of a hub: its id without the prefix all contributions share and
 * without a "-hub" suffix ("timetracker-permissions-hub" → "permissions").
 */
export function hubSlug(hub: HostContribution, all: HostContribution[]): string {
  const prefix = commonDashPrefix(all.map((c) => c.id));
  let slug = hub.id.startsWith(prefix) && hub.id.length > prefix.length ? hub.id.slice(prefix.length) : hub.id;
  if (slug.endsWith("-hub")) slug = slug.slice(0, -"-hub".length);
  return slug;
}

function commonDashPrefix(ids: string[]): string {
  if (ids.length < 2) return "";
  const split = ids.map((id) => id.split("-"));
  const shortest = Math.min(...split.map((parts) => parts.length));
  const common: string[] = [];
  // Never consume a whole id: the last segment always stays.
  for (let i = 0; i < shortest - 1; i++) {
    const segment = split[0][i];
    if (!split.every((parts) => parts[i] === segment)) break;
    common.push(segment);
  }
  return common.length ? `${common.join("-")}-` : "";
}

export function findHub(
  hubs: HostContribution[],
  all: HostContribution[],
  slug: string | undefined,
): HostContribution | undefined {
  if (!slug) return hubs[0];
  return hubs.find((h) => hubSlug(h, all) === slug || h.id === slug);
}
