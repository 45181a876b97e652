import type { Services } from "../../app/services";
import { storeCall } from "../../adapters/cosmos/cosmos-errors";
import { isLicensed, type Role } from "../../domain/roles";

/**
 * Licensed members of an org: an explicit role other than None, or Default while the
 * default role is licensed. Billing uses it to refuse seats below the licensed count.
 */
export async function countLicensed(s: Services, orgId: string, defaultRole: Role): Promise<number> {
  const { members } = await storeCall("Opening the database", () => s.db.containers());
  const { resources } = await storeCall("Counting licensed users", () =>
    members.items
      .query<number>(
        {
          query:
            "SELECT VALUE COUNT(1) FROM c WHERE c.orgId = @orgId AND c.type = 'member' AND " +
            "(ARRAY_CONTAINS(@licensed, c.role) OR (c.role = 'Default' AND @defaultLicensed))",
          parameters: [
            { name: "@orgId", value: orgId },
            { name: "@licensed", value: ["Team", "Product", "Budget", "Administrator"] },
            { name: "@defaultLicensed", value: isLicensed(defaultRole) },
          ],
        },
        { partitionKey: orgId },
      )
      .fetchAll(),
  );
  return resources[0] ?? 0;
}
