import { contoso } from "./seed-contoso";
import { fabrikam } from "./seed-fabrikam";
import type { SeedOrg } from "./seed-types";

export { contoso, fabrikam };

/** Every seeded org, in the order the dev host lists them. */
export const seedOrgs: readonly SeedOrg[] = [fabrikam, contoso];

/** Emails of the seeded Project Collection Administrators of an org. */
export function seedPcaEmails(org: SeedOrg): string[] {
  return org.groups.find((g) => g.scope.kind === "collection")?.userMembers ?? [];
}
