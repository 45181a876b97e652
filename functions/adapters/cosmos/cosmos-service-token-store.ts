import type { ServiceAccountRecord, ServiceAccountStore } from "../../ports/service-account-store";
import type { CosmosDatabase } from "./cosmos-client";
import { storeCall } from "./cosmos-errors";

/** The org's service account PAT (encrypted) lives in `tokens`, one document per org. */
const SERVICE_ACCOUNT_ID = "service-account";

type ServiceAccountDocument = ServiceAccountRecord & { id: typeof SERVICE_ACCOUNT_ID; type: "serviceAccount" };

export class CosmosServiceAccountStore implements ServiceAccountStore {
  constructor(private readonly db: CosmosDatabase) {}

  async get(orgId: string): Promise<ServiceAccountRecord | null> {
    const { tokens } = await storeCall("Opening the database", () => this.db.containers());
    return storeCall("Reading the service account", async () => {
      const { resource, statusCode } = await tokens.item(SERVICE_ACCOUNT_ID, orgId).read<ServiceAccountDocument>();
      if (statusCode === 404 || !resource) return null;
      return {
        orgId: resource.orgId,
        encryptedPat: resource.encryptedPat,
        accountId: resource.accountId,
        accountName: resource.accountName,
        savedBy: resource.savedBy,
        savedAt: resource.savedAt,
        ...(resource.deployment ? { deployment: resource.deployment } : {}),
      };
    });
  }

  async put(record: ServiceAccountRecord): Promise<void> {
    const { tokens } = await storeCall("Opening the database", () => this.db.containers());
    const doc: ServiceAccountDocument = { ...record, id: SERVICE_ACCOUNT_ID, type: "serviceAccount" };
    await storeCall("Saving the service account", () => tokens.items.upsert(doc));
  }

  async delete(orgId: string): Promise<void> {
    const { tokens } = await storeCall("Opening the database", () => this.db.containers());
    await storeCall("Removing the service account", async () => {
      try {
        await tokens.item(SERVICE_ACCOUNT_ID, orgId).delete();
      } catch (error) {
        if ((error as { code?: unknown }).code !== 404) throw error;
      }
    });
  }
}
