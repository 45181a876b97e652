import { INACTIVE_DAY_CHOICES } from "../../functions/contracts/limits";

/**
 * The licensed list's filters as they live in the Permissions page's address
 * (`?source=rules&inactiveDays=90`), so a link can open the list filtered: the Subscription
 * page's "set users to None" hint does. The server validates them again (ListMembersQuery).
 */
export interface LicensedFilter {
  /** "direct", "rules" (any group rule) or "rule:<rule id>"; null for every source. */
  source: string | null;
  /** No time tracked in this many days; null for everyone. */
  inactiveDays: number | null;
}

export const NO_FILTER: LicensedFilter = { source: null, inactiveDays: null };

const SOURCE = /^(direct|rules|rule:.{1,100})$/;

/** Reads the filter from the page's query parameters; anything unknown is ignored. */
export function filterFromQuery(params: Record<string, string | undefined>): LicensedFilter {
  const days = Number(params.inactiveDays);
  const source = params.source?.trim() ?? "";
  return {
    source: SOURCE.test(source) ? source : null,
    inactiveDays: (INACTIVE_DAY_CHOICES as readonly number[]).includes(days) ? days : null,
  };
}

/** The query parameters for a filter; an empty value removes one (IHostNavigationService.setQueryParams). */
export function filterToQuery(filter: LicensedFilter): Record<string, string> {
  return { source: filter.source ?? "", inactiveDays: filter.inactiveDays === null ? "" : String(filter.inactiveDays) };
}
