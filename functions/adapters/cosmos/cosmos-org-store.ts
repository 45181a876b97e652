import type { OrgRecord } from "../../domain/org";
import type { OrgStore } from "../../ports/org-store";
import type { Versioned } from "../../ports/versioned";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { toVersioned } from "./document";

const asOrg = (doc: Record<string, unknown>) => doc as unknown as OrgRecord;

export class CosmosOrgStore implements OrgStore {
  constructor(private readonly db: CosmosDatabase) {}

  async get(orgId: string): Promise<Versioned<OrgRecord> | null> {
    const { orgs } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Reading the organization", async () => {
      const { resource, statusCode } = await orgs.item(orgId, orgId).read<Record<string, unknown>>();
      return statusCode === 404 ? null : toVersioned(resource, asOrg);
    });
  }

  async create(org: OrgRecord): Promise<Versioned<OrgRecord>> {
    const { orgs } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Creating the organization", async () => {
      const { resource } = await orgs.items.create<OrgRecord>(org);
      return toVersioned(resource as unknown as Record<string, unknown>, asOrg)!;
    });
  }

  async replace(org: OrgRecord, etag: string): Promise<Versioned<OrgRecord>> {
    const { orgs } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Saving the organization", async () => {
      const { resource } = await orgs.item(org.id, org.id).replace<OrgRecord>(org, { accessCondition: { type: "IfMatch", condition: etag } });
      return toVersioned(resource as unknown as Record<string, unknown>, asOrg)!;
    });
  }
}
