import type { ActivityType } from "../../domain/activity-type";
import type { ActivityTypeStore } from "../../ports/activity-type-store";
import type { Versioned } from "../../ports/versioned";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";
import { toVersioned } from "./document";

const DOCUMENT_ID = "activity-types";

interface ActivityTypesDocument {
  id: typeof DOCUMENT_ID;
  type: "activityTypes";
  orgId: string;
  items: ActivityType[];
}

const asTypes = (doc: Record<string, unknown>): ActivityType[] => (doc as unknown as ActivityTypesDocument).items;

/** One document per org in the worklogs partition: reads with the worklogs stay in one partition. */
export class CosmosActivityTypeStore implements ActivityTypeStore {
  constructor(private readonly db: CosmosDatabase) {}

  private async container() {
    return (await storeCall("Opening the database", () => this.db.containers())).worklogs;
  }

  async get(orgId: string): Promise<Versioned<ActivityType[]> | null> {
    const worklogs = await this.container();
    return storeCall("Reading the activity types", async () => {
      const { resource, statusCode } = await worklogs.item(DOCUMENT_ID, orgId).read<Record<string, unknown>>();
      return statusCode === 404 ? null : toVersioned(resource, asTypes);
    });
  }

  async create(orgId: string, types: ActivityType[]): Promise<Versioned<ActivityType[]>> {
    const worklogs = await this.container();
    return storeCall("Saving the activity types", async () => {
      const doc: ActivityTypesDocument = { id: DOCUMENT_ID, type: "activityTypes", orgId, items: types };
      const { resource } = await worklogs.items.create(doc);
      return toVersioned(resource as unknown as Record<string, unknown>, asTypes)!;
    });
  }

  async replace(orgId: string, types: ActivityType[], etag: string): Promise<Versioned<ActivityType[]>> {
    const worklogs = await this.container();
    return storeCall("Saving the activity types", async () => {
      const doc: ActivityTypesDocument = { id: DOCUMENT_ID, type: "activityTypes", orgId, items: types };
      const { resource } = await worklogs
        .item(DOCUMENT_ID, orgId)
        .replace(doc, { accessCondition: { type: "IfMatch", condition: etag } });
      return toVersioned(resource as unknown as Record<string, unknown>, asTypes)!;
    });
  }
}
